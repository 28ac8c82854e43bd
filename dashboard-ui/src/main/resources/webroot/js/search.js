// The history search: recorded instances (finished ones included) found in the event store by
// component, machine, state and text in the id or data. Without an event store the server says so
// in `message`, which is shown as is; any failure shows the server's error message.
import { h, fill, byId, shortId, dateTime, ago, preview } from './dom.js';
import { api, withQuery } from './api.js';

const DEBOUNCE_MS = 350;

export function setupHistorySearch({ getComponents, onOpen }) {
  const el = {
    form: byId('history-search'),
    component: byId('hs-component'),
    machine: byId('hs-machine'),
    state: byId('hs-state'),
    limit: byId('hs-limit'),
    text: byId('hs-text'),
    notice: byId('hs-notice'),
    results: byId('hs-results'),
    foot: byId('hs-foot'),
  };
  let searched = false;
  let generation = 0;
  let timer = null;
  let selected = null;

  function machines() {
    const components = getComponents().filter((c) => !el.component.value || c.name === el.component.value);
    return components.flatMap((c) => c.stateMachines);
  }

  /** Options of the selects from the served components; what was chosen stays chosen if it still exists. */
  function refreshOptions() {
    const keepComponent = el.component.value;
    const names = getComponents().map((c) => c.name);
    fill(el.component, h('option', { value: '' }, 'All components'), names.map((n) => h('option', { value: n }, n)));
    el.component.value = names.includes(keepComponent) ? keepComponent : '';
    fillMachines();
  }

  function fillMachines() {
    const keep = el.machine.value;
    const names = [...new Set(machines().map((m) => m.name))];
    fill(el.machine, h('option', { value: '' }, 'All machines'), names.map((n) => h('option', { value: n }, n)));
    el.machine.value = names.includes(keep) ? keep : '';
    fillStates();
  }

  function fillStates() {
    const keep = el.state.value;
    const chosen = machines().filter((m) => !el.machine.value || m.name === el.machine.value);
    const names = [...new Set(chosen.flatMap((m) => m.states.map((s) => s.name)))];
    fill(el.state, h('option', { value: '' }, 'All states'), names.map((n) => h('option', { value: n }, n)));
    el.state.value = names.includes(keep) ? keep : '';
  }

  function notice(text, kind) {
    el.notice.hidden = !text;
    el.notice.className = `notice ${kind ?? ''}`;
    el.notice.textContent = text ?? '';
  }

  async function search() {
    clearTimeout(timer);
    searched = true;
    const mine = ++generation;
    const limit = Number(el.limit.value);
    const url = withQuery('/api/history/instances', {
      component: el.component.value,
      machine: el.machine.value,
      state: el.state.value,
      q: el.text.value.trim(),
      limit,
    });
    el.results.setAttribute('aria-busy', 'true');
    el.foot.textContent = 'Searching…';
    let result;
    try {
      result = await api.get(url);
    } catch (e) {
      if (mine !== generation) return;
      el.results.removeAttribute('aria-busy');
      notice(`History search unavailable: ${e.message}`, 'error');
      fill(el.results);
      el.foot.textContent = '';
      return;
    }
    if (mine !== generation) return;
    el.results.removeAttribute('aria-busy');
    const rows = result.instances ?? [];
    notice(result.message ?? null, 'warn');
    if (result.message && !rows.length) fill(el.results);
    else render(rows);
    el.foot.textContent = result.message && !rows.length ? ''
      : `${rows.length} found` + (rows.length >= limit ? ` · first ${limit} (narrow the search)` : '');
  }

  function render(rows) {
    if (!rows.length) {
      fill(el.results, h('li', { class: 'empty muted' }, 'No recorded instance matches.'));
      return;
    }
    fill(el.results, rows.map((r) => {
      const id = r.instanceId ?? r.id;
      const status = r.status ?? '';
      const finished = status === 'completed' || status === 'error' || r.finished === true;
      const data = r.publicMember ?? r.context;
      return h('li', {
        class: `instance${finished ? ' finished' : ''}${id === selected ? ' selected' : ''}`,
        dataset: { id, component: r.componentName ?? '' },
      }, h('button', {
        type: 'button',
        title: `Open ${r.machineName ?? ''} ${id}`,
        onclick: () => {
          selected = id;
          for (const li of el.results.children) li.classList.toggle('selected', li.dataset.id === id);
          onOpen(r.componentName, id);
        },
      },
      h('div', { class: 'row' },
        h('span', { class: 'machine' }, r.machineName ?? '?'),
        h('span', { class: 'tag' }, r.componentName ?? ''),
        h('span', { class: `pill state ${status === 'error' ? 'error' : finished ? 'final' : ''}`, title: 'state at the latest snapshot' }, r.currentState ?? '')),
      h('div', { class: 'row sub' },
        h('code', { class: 'mono' }, shortId(id)),
        finished ? h('span', { class: 'tag done' }, 'finished') : null,
        r.updatedAt ? h('span', { class: 'when', title: `latest snapshot ${dateTime(r.updatedAt)}` }, `snapshot ${ago(r.updatedAt)}`) : null),
      data && Object.keys(data).length
        ? h('div', { class: 'row sub' }, h('span', { class: 'preview' }, preview(data, 3))) : null));
    }));
  }

  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    search();
  });
  el.component.addEventListener('change', () => {
    fillMachines();
    search();
  });
  el.machine.addEventListener('change', () => {
    fillStates();
    search();
  });
  for (const f of [el.state, el.limit]) f.addEventListener('change', search);
  el.text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });

  return {
    refreshOptions,
    search,
    /** The first time the panel is shown, it lists the newest recorded instances. */
    shown() {
      if (!searched) search();
    },
  };
}
