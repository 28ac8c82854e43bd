// xcomponent dashboard: components, machines, instances and live updates, in plain modules.
// Data is only ever written with textContent (see js/dom.js); the page loads nothing but its own
// files, as the Content-Security-Policy `default-src 'self'` requires.
import { h, fill, byId, shortId, time, ago, preview, throttle } from './js/dom.js';
import { api, withQuery, enc, authed, setToken } from './js/api.js';
import { connectLive } from './js/live.js';
import { setupCreateDialog } from './js/forms.js';
import { Detail } from './js/detail.js';
import { setupHistorySearch } from './js/search.js';

const COUNT_LIMIT = 1000;
const BLOTTER_SIZE = 60;
const LIVE_TYPES = new Set(['state_change', 'instance_created', 'instance_disposed',
  'instance_completed', 'instance_error', 'timeout_triggered']);

const state = {
  components: [],
  component: null,
  instances: [],
  // Cursor of the page after the loaded instances (null: all loaded), how many instances a refresh
  // reloads (grows with "Load more"), and a number that tells a stale answer from the latest one.
  next: null,
  wanted: 0,
  listGen: 0,
  counts: new Map(),
  countsCapped: false,
  blotter: [],
};

const el = {
  select: byId('component-select'),
  machine: byId('filter-machine'),
  state: byId('filter-state'),
  status: byId('filter-status'),
  limit: byId('filter-limit'),
  text: byId('filter-text'),
  list: byId('instance-list'),
  foot: byId('list-foot'),
  more: byId('load-more'),
  cards: byId('machine-cards'),
  links: byId('links-img'),
  overview: byId('overview'),
  overviewTitle: byId('overview-title'),
  runtimes: byId('runtime-list'),
  blotter: byId('blotter'),
  conn: byId('conn'),
  connText: byId('conn-text'),
  toasts: byId('toasts'),
};

function toast(message, kind = 'info') {
  const t = h('div', { class: `toast ${kind}`, role: 'status' }, message);
  el.toasts.append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 7000 : 3500);
}

const detail = new Detail({
  toast,
  onChanged: () => refreshSoon(),
  onOpen: (c, id) => openInstance(c, id),
  getComponents: () => state.components,
});
const historySearch = setupHistorySearch({
  getComponents: () => state.components,
  onOpen: (c, id) => openInstance(c, id),
});
const createDialog = setupCreateDialog({
  getComponent: () => component(),
  onCreated: (id) => {
    refreshSoon();
    selectInstance(id);
  },
  toast,
});

function component() {
  return state.components.find((c) => c.name === state.component) ?? null;
}

// ---- header ---------------------------------------------------------------------------------

function renderCounters() {
  byId('count-components').textContent = String(state.components.length);
  byId('count-machines').textContent = String(
    state.components.reduce((n, c) => n + c.stateMachines.length, 0));
  let total = 0;
  for (const n of state.counts.values()) total += n;
  byId('count-instances').textContent = state.countsCapped ? `${total}+` : String(total);
}

function setConnection(status) {
  el.conn.dataset.status = status;
  el.connText.textContent = { connected: 'Live', connecting: 'Connecting…', disconnected: 'Disconnected' }[status];
}

// ---- component selection and overview --------------------------------------------------------

function selectComponent(name) {
  if (!state.components.some((c) => c.name === name)) name = state.components[0]?.name ?? null;
  state.component = name;
  el.select.value = name ?? '';
  state.blotter = [];
  renderBlotter();
  const c = component();
  fill(el.machine, h('option', { value: '' }, 'All machines'),
    (c?.stateMachines ?? []).map((m) => h('option', { value: m.name }, m.name)));
  fillStates();
  el.overviewTitle.textContent = c ? `${c.name}${c.version ? ' · v' + c.version : ''}` : 'No component';
  renderCards();
  el.links.src = c ? authed(`/api/components/${enc(c.name)}/links.svg`) : '';
  updateHash();
  reloadList();
}

function fillStates() {
  const c = component();
  const machines = (c?.stateMachines ?? []).filter((m) => !el.machine.value || m.name === el.machine.value);
  const names = [...new Set(machines.flatMap((m) => m.states.map((s) => s.name)))];
  const keep = el.state.value;
  fill(el.state, h('option', { value: '' }, 'All states'), names.map((n) => h('option', { value: n }, n)));
  el.state.value = names.includes(keep) ? keep : '';
}

function renderCards() {
  const c = component();
  if (!c) {
    fill(el.cards, h('p', { class: 'muted' }, 'No component is served.'));
    return;
  }
  fill(el.cards, c.stateMachines.map((m) => {
    const entry = m.name === c.entryMachine;
    return h('article', { class: 'card machine-card', dataset: { machine: m.name } },
      h('div', { class: 'card-head' },
        h('h3', {}, entry ? h('span', { class: 'star', title: 'entry machine' }, '★ ') : null, m.name),
        h('span', { class: 'badge count', dataset: { count: m.name } }, '0')),
      h('div', { class: 'diagram' },
        h('img', { alt: `State machine ${m.name}`, loading: 'lazy',
          src: authed(`/api/components/${enc(c.name)}/machines/${enc(m.name)}/diagram.svg`) })),
      h('ul', { class: 'chips', dataset: { chips: m.name } }));
  }));
  renderCounts();
}

function renderCounts() {
  const c = component();
  if (!c) return;
  for (const m of c.stateMachines) {
    const card = el.cards.querySelector(`[data-machine="${CSS.escape(m.name)}"]`);
    if (!card) continue;
    let total = 0;
    const chips = m.states.map((s) => {
      const n = state.counts.get(`${m.name}\u0000${s.name}`) ?? 0;
      total += n;
      return h('li', {},
        h('button', {
          type: 'button',
          class: `chip ${s.type}${n ? '' : ' zero'}`,
          title: `Show ${m.name} instances in ${s.name}`,
          onclick: () => {
            el.machine.value = m.name;
            fillStates();
            el.state.value = s.name;
            reloadList();
          },
        }, h('span', {}, s.name), h('b', {}, String(n))));
    });
    card.querySelector('.badge.count').textContent = `${total}${state.countsCapped ? '+' : ''} instance${total === 1 ? '' : 's'}`;
    fill(card.querySelector('.chips'), chips);
  }
  renderCounters();
}

// ---- instances -------------------------------------------------------------------------------

function listQuery() {
  return {
    component: state.component,
    machine: el.machine.value,
    state: el.state.value,
    status: el.status.value,
  };
}

function pageSize() {
  return Number(el.limit.value);
}

/** The first `wanted` instances of `query`, following the server's cursor (it caps each page). */
async function fetchList(query, wanted) {
  let instances = [];
  let next = null;
  do {
    const page = await api.get(withQuery('/api/instances',
      { ...query, limit: wanted - instances.length, after: next }));
    instances = instances.concat(page.instances ?? []);
    next = page.next ?? null;
  } while (next && instances.length < wanted);
  return { instances, next };
}

/** Reloads the list (as many instances as are loaded: pages added by "Load more" stay) and the counts. */
async function loadInstances() {
  const c = state.component;
  if (!c) return;
  const gen = ++state.listGen;
  const [listed, all] = await Promise.all([
    fetchList(listQuery(), Math.max(pageSize(), state.wanted)),
    api.get(withQuery('/api/instances', { component: c, limit: COUNT_LIMIT })),
  ]);
  if (c !== state.component || gen !== state.listGen) return;
  state.instances = listed.instances;
  state.next = listed.next;
  state.counts = new Map();
  for (const i of all.instances ?? []) {
    const key = `${i.machineName}\u0000${i.currentState}`;
    state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
  }
  state.countsCapped = all.next != null;
  renderList();
  renderCounts();
}

/** The next page after the loaded instances, appended. */
async function loadMore() {
  if (!state.next || el.more.disabled) return;
  const gen = state.listGen;
  const c = state.component;
  state.wanted = state.instances.length + pageSize();
  el.more.disabled = true;
  try {
    const page = await api.get(withQuery('/api/instances', { ...listQuery(), limit: pageSize(), after: state.next }));
    if (c !== state.component) return;
    if (gen !== state.listGen) {
      refreshSoon(); // a refresh replaced the list meanwhile: the next one loads `wanted`
      return;
    }
    const known = new Set(state.instances.map((i) => i.id));
    state.instances = state.instances.concat((page.instances ?? []).filter((i) => !known.has(i.id)));
    state.next = page.next ?? null;
    renderList();
  } catch (e) {
    toast(e.message, 'error');
  } finally {
    el.more.disabled = false;
  }
}

function matchesText(i, text) {
  if (!text) return true;
  const hay = [i.id, i.machineName, i.currentState, i.status,
    ...Object.values(i.publicMember ?? i.context ?? {}).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))];
  return hay.some((s) => String(s).toLowerCase().includes(text));
}

function renderList() {
  const text = el.text.value.trim().toLowerCase();
  const shown = state.instances.filter((i) => matchesText(i, text));
  if (!shown.length) {
    fill(el.list, h('li', { class: 'empty muted' }, state.instances.length
      ? 'No instance matches the text filter.' : 'No instance yet. Create one with “+ New instance”.'));
  } else {
    fill(el.list, shown.map((i) => h('li', {
      class: `instance${i.finished ? ' finished' : ''}${i.id === detail.id ? ' selected' : ''}`,
      dataset: { id: i.id, state: i.currentState },
    }, h('button', { type: 'button', onclick: () => selectInstance(i.id) },
      h('div', { class: 'row' },
        h('span', { class: 'machine' }, i.machineName),
        i.isEntryPoint ? h('span', { class: 'tag entry' }, 'entry') : null,
        h('span', { class: `pill state ${i.finished ? (i.status === 'error' ? 'error' : 'final') : ''}` }, i.currentState)),
      h('div', { class: 'row sub' },
        h('code', { class: 'mono' }, shortId(i.id)),
        i.finished ? h('span', { class: 'tag done' }, 'finished') : null,
        h('span', { class: 'preview' }, preview(i.publicMember ?? i.context)))))));
  }
  const loaded = state.instances.length;
  el.foot.textContent = !text
    ? `${loaded} shown${state.next ? ' · more to load' : ''}`
    : `${shown.length} shown · the text filter applies to the ${loaded} loaded`
      + (state.next ? ' (load more, or search History)' : '');
  el.more.hidden = !state.next;
  el.more.textContent = `Load ${pageSize()} more`;
}

async function selectInstance(id) {
  el.overview.hidden = true;
  await detail.show(id);
  renderList();
  updateHash();
}

/** Opens an instance of any component (from the history search or the flow diagram). */
function openInstance(componentName, id) {
  if (componentName && componentName !== state.component && state.components.some((c) => c.name === componentName)) {
    selectComponent(componentName);
  }
  return selectInstance(id);
}

function closeDetail() {
  detail.close();
  el.overview.hidden = false;
  renderList();
  updateHash();
}

// ---- runtimes, health ------------------------------------------------------------------------

async function loadRuntimes() {
  try {
    const { runtimes } = await api.get('/api/runtimes');
    fill(el.runtimes, (runtimes ?? []).map((r) => {
      const fresh = Date.now() - r.lastSeen < 60000;
      return h('li', { class: fresh ? 'up' : 'stale' },
        h('span', { class: 'dot' }),
        h('div', {}, h('b', {}, r.componentName), h('small', { class: 'muted mono' }, ` ${shortId(r.runtimeId)} · ${r.host}${r.port ? ':' + r.port : ''}`)),
        h('small', { class: 'muted' }, ago(r.lastSeen)));
    }));
  } catch (e) {
    fill(el.runtimes, h('li', { class: 'muted' }, e.message));
  }
}

async function loadHealth() {
  try {
    const health = await api.get('/health');
    byId('banner').hidden = health.database !== false;
  } catch {
    /* the connection indicator tells */
  }
}

// ---- live updates ----------------------------------------------------------------------------

function renderBlotter() {
  fill(el.blotter, state.blotter.length ? state.blotter.map((m) => {
    const d = m.data ?? {};
    const id = d.instanceId ?? d.id;
    const what = m.type === 'state_change' ? `${d.previousState} → ${d.newState}`
      : m.type === 'instance_created' ? `created in ${d.currentState}`
        : m.type === 'instance_error' ? `${d.method ?? 'hook'} failed`
          : d.currentState ?? '';
    return h('li', { class: m.type },
      h('span', { class: 'when mono' }, time(m.timestamp)),
      h('span', { class: 'type' }, m.type.replace('instance_', '').replace('_', ' ')),
      h('span', { class: 'mono' }, `${d.machineName ?? ''} ${shortId(id)}`),
      h('span', { class: 'what' }, d.event?.type ? `${d.event.type}: ${what}` : what));
  }) : h('li', { class: 'muted small' }, 'Waiting for events…'));
}

function onLive(message) {
  if (message.type === 'components_list') {
    const list = message.data?.components ?? [];
    const names = list.map((c) => c.name).join('\u0000');
    const known = state.components.map((c) => c.name).join('\u0000');
    if (state.components.length && names !== known) loadComponents();
    return;
  }
  if (message.type === 'runtime_connected' || message.type === 'runtime_disconnected') {
    loadRuntimes();
    loadComponents().catch((e) => toast(e.message, 'error'));
    const d = message.data ?? {};
    toast(`${d.componentName ?? 'A runtime'} ${message.type === 'runtime_connected' ? 'connected' : 'disconnected'}`,
      message.type === 'runtime_connected' ? 'info' : 'error');
    return;
  }
  if (message.type === 'instances_update') {
    if (message.componentName === state.component) refreshSoon();
    return;
  }
  if (!LIVE_TYPES.has(message.type)) return;
  if (message.componentName === state.component) {
    state.blotter.unshift(message);
    state.blotter.length = Math.min(state.blotter.length, BLOTTER_SIZE);
    renderBlotter();
    refreshSoon();
  }
  const d = message.data ?? {};
  if (detail.concerns(d.instanceId) || detail.concerns(d.id)) detail.refresh();
}

// ---- sidebar tabs: instances / history search -------------------------------------------------

function setupTabs() {
  const tabs = [byId('tab-instances'), byId('tab-history')];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      byId(t.getAttribute('aria-controls')).hidden = !on;
    }
    byId('new-instance').hidden = tab.id !== 'tab-instances';
    if (focus) tab.focus();
    if (tab.id === 'tab-history') historySearch.shown();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (e) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
  });
}

// ---- wiring ----------------------------------------------------------------------------------

const refreshNow = () => loadInstances().catch((e) => toast(e.message, 'error'));
const refreshSoon = throttle(refreshNow, 250);
/** After a change of component or filters: back to the first page. */
const reloadList = () => {
  state.wanted = 0;
  refreshNow();
};

function updateHash() {
  const params = new URLSearchParams();
  if (state.component) params.set('component', state.component);
  if (detail.id) params.set('instance', detail.id);
  history.replaceState(null, '', `#${params}`);
}

async function loadComponents() {
  const { components } = await api.get('/api/components');
  state.components = components ?? [];
  fill(el.select, state.components.map((c) => h('option', { value: c.name }, c.name)));
  historySearch.refreshOptions();
  renderCounters();
  const wanted = new URLSearchParams(location.hash.slice(1));
  selectComponent(state.component ?? wanted.get('component'));
  return wanted.get('instance');
}

async function start() {
  el.select.addEventListener('change', () => {
    closeDetail();
    selectComponent(el.select.value);
  });
  el.machine.addEventListener('change', () => {
    fillStates();
    reloadList();
  });
  for (const f of [el.state, el.status, el.limit]) f.addEventListener('change', reloadList);
  el.text.addEventListener('input', renderList);
  el.more.addEventListener('click', loadMore);
  byId('filters').addEventListener('submit', (e) => e.preventDefault());
  byId('new-instance').addEventListener('click', () => createDialog.open());
  byId('back').addEventListener('click', closeDetail);
  setupTabs();
  renderBlotter();
  loadHealth();
  loadRuntimes();
  setInterval(loadRuntimes, 15000);
  setInterval(() => detail.tick(), 1000);
  connectLive({ onMessage: onLive, onStatus: setConnection });
  try {
    const instance = await loadComponents();
    if (instance) selectInstance(instance);
  } catch (e) {
    toast(e.message, 'error');
  }
}

start();

// A server started with API_TOKEN answers 401 until the operator gives a token for this tab.
const authDialog = byId('auth-dialog');
window.addEventListener('xc:auth-required', () => {
  if (!authDialog.open) authDialog.showModal();
});
byId('auth-form').addEventListener('submit', () => {
  setToken(byId('auth-token').value.trim());
  location.reload();
});
