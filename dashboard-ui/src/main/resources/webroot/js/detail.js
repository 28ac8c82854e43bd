// The instance detail: diagram, data, pending timeouts with live countdowns, actions (one button
// per event available from the current state: plain events take the JSON payload editor,
// inter_machine and cross_component ones open a form generated from the target machine's
// contextSchema), the audit trail (every recorded event with its source, cause and flow) and the
// sequence diagram of the business flow the instance belongs to, across instances and components.
import { h, fill, byId, shortId, time, dateTime, duration, pretty } from './dom.js';
import { api, enc, authed, withQuery } from './api.js';
import { renderSequence, sequenceLegend, sourceOf, chronological } from './sequence.js';
import { fieldInput, readContext } from './forms.js';

const TIMED = new Set(['timeout', 'auto']);
const TARGETED = new Set(['inter_machine', 'cross_component']);
const FLOW_LIMIT = 500;
const FLASH_MS = 2400;

export class Detail {
  constructor({ toast, onChanged, onOpen, getComponents }) {
    this.toast = toast;
    this.getComponents = getComponents ?? (() => []);
    this.onChanged = onChanged;
    this.onOpen = onOpen;
    this.id = null;
    this.instance = null;
    this.flowInstances = new Set();
    this.openDetails = new Set();
    this.timers = [];
    this.fetchedAt = 0;
    this.loading = null;
    this.el = {
      panel: byId('detail'),
      title: byId('detail-title'),
      state: byId('detail-state'),
      status: byId('detail-status'),
      id: byId('detail-id'),
      updated: byId('detail-updated'),
      diagram: byId('detail-diagram'),
      actions: byId('actions'),
      payload: byId('payload'),
      payloadError: byId('payload-error'),
      timeouts: byId('timeouts'),
      data: byId('detail-data'),
      history: byId('history'),
      historyNote: byId('history-note'),
      flow: byId('flow'),
      flowNote: byId('flow-note'),
      flowLegend: byId('flow-legend'),
    };
    this.el.payload.addEventListener('input', () => this.checkPayload());
    this.eventForm = setupEventForm((type, payload) => this.fire(type, payload));
    fill(this.el.flowLegend, sequenceLegend());
  }

  /** Whether a change of instance `id` may change what is shown (itself, or one of its flow). */
  concerns(id) {
    return this.open && (id === this.id || this.flowInstances.has(id));
  }

  get open() {
    return this.id !== null;
  }

  async show(id) {
    if (id !== this.id) {
      this.openDetails.clear();
      this.flowInstances = new Set();
      fill(this.el.history);
      fill(this.el.flow);
    }
    this.id = id;
    this.el.panel.hidden = false;
    await this.refresh();
  }

  close() {
    this.id = null;
    this.instance = null;
    this.el.panel.hidden = true;
  }

  /** Reloads everything shown; concurrent calls share one load. */
  refresh() {
    if (!this.id) return Promise.resolve();
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.load().finally(() => {
      this.loading = null;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    });
    return this.loading;
  }

  async load() {
    const id = this.id;
    const [found, trail, flow] = await Promise.all([
      api.get(`/api/instances/${enc(id)}`).then((r) => r.instance)
        .catch((e) => (e.status === 404 ? null : { error: e })),
      api.get(`/api/history/instances/${enc(id)}/events`)
        .catch((e) => ({ events: [], message: e.message })),
      api.get(withQuery(`/api/history/correlated/${enc(id)}`, { limit: FLOW_LIMIT }))
        .catch((e) => ({ events: [], message: e.message })),
    ]);
    if (id !== this.id) return;
    if (found?.error) {
      this.toast(found.error.message, 'error');
      return;
    }
    let instance = found;
    let transitions = [];
    if (instance && !instance.finished) {
      transitions = (await api.get(`/api/instances/${enc(id)}/transitions`)
        .catch(() => ({ transitions: [] }))).transitions ?? [];
      if (id !== this.id) return;
    }
    if (!instance) {
      instance = archived(id, trail);
      if (!instance) {
        this.renderGone(id);
        return;
      }
    }
    this.instance = instance;
    this.fetchedAt = Date.now();
    this.render(instance, transitions, trail, flow);
  }

  render(inst, transitions, trail, flow) {
    const { el } = this;
    el.title.textContent = `${inst.machineName}`;
    el.state.textContent = inst.currentState;
    el.state.className = `pill state ${inst.status === 'error' ? 'error'
      : inst.status === 'completed' || (inst.finished && !inst.archived) ? 'final'
        : inst.archived ? '' : 'current'}`;
    el.status.textContent = inst.archived ? 'archived · from the event store'
      : inst.finished ? `finished · ${inst.status}` : inst.status;
    el.id.textContent = inst.id;
    el.updated.textContent = `updated ${dateTime(inst.updatedAt)}`;
    const base = `/api/components/${enc(inst.componentName)}/machines/${enc(inst.machineName)}/diagram.svg`;
    const src = inst.archived ? `${base}?currentState=${enc(inst.currentState)}`
      : `${base}?instanceId=${enc(inst.id)}&v=${enc(inst.updatedAt)}-${enc(inst.currentState)}`;
    if (el.diagram.getAttribute('src') !== authed(src)) el.diagram.src = authed(src);
    el.diagram.dataset.state = inst.currentState;
    el.data.textContent = pretty(inst.publicMember ?? inst.context);
    this.renderActions(inst, transitions);
    this.timers = (inst.pendingTimeouts ?? []).map((t) => ({ ...t }));
    this.renderTimeouts();
    const flowEvents = flow.events ?? [];
    this.flowById = new Map(flowEvents.map((e) => [e.id, e]));
    this.renderHistory(trail);
    this.renderFlow(flow);
  }

  renderGone(id) {
    const { el } = this;
    el.state.textContent = 'gone';
    el.state.className = 'pill muted';
    el.status.textContent = 'no longer retained';
    el.id.textContent = id;
    fill(el.actions, h('p', { class: 'muted small' }, 'This instance is no longer known to the runtime.'));
    el.historyNote.textContent = '';
    fill(el.history, h('li', { class: 'muted small' }, 'No recorded event.'));
    el.flowNote.textContent = '';
    fill(el.flow, h('p', { class: 'muted small' }, 'No recorded event.'));
  }

  renderActions(inst, transitions) {
    const seen = new Set();
    const buttons = [];
    for (const t of transitions) {
      if (TIMED.has(t.type) || seen.has(t.event)) continue;
      seen.add(t.event);
      const hint = t.type === 'cross_component' ? `→ ${t.targetComponent ?? ''}`
        : t.type === 'inter_machine' ? `⇒ ${t.targetMachine ?? ''}` : `→ ${t.to}`;
      buttons.push(h('button', {
        type: 'button',
        class: `btn action t-${t.type}`,
        dataset: { event: t.event },
        title: `${t.from} → ${t.to} (${t.type})`,
        onclick: () => (TARGETED.has(t.type) ? this.openTargetForm(inst, t) : this.fire(t.event)),
      }, h('b', {}, t.event), h('span', {}, hint)));
    }
    fill(this.el.actions, buttons.length ? buttons
      : h('p', { class: 'muted small' }, inst.archived
        ? 'No longer held by the runtime: shown from the event store, read only.'
        : inst.finished
        ? 'Finished: no event can change this instance any more.'
        : 'No event can be sent by hand from this state (timers only).'));
  }

  checkPayload() {
    const text = this.el.payload.value.trim();
    try {
      const value = text === '' ? {} : JSON.parse(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error('The payload must be a JSON object');
      }
      this.el.payloadError.hidden = true;
      return value;
    } catch (e) {
      this.el.payloadError.textContent = e.message;
      this.el.payloadError.hidden = false;
      return null;
    }
  }

  /**
   * The form of an inter_machine or cross_component transition: the fields of the target
   * machine's contextSchema, prefilled with what this instance would send. Without a schema to
   * show, the event goes with the JSON payload like any other.
   */
  async openTargetForm(inst, t) {
    const componentName = t.type === 'cross_component' ? t.targetComponent : inst.componentName;
    const target = await findComponent(this.getComponents(), componentName);
    const machineName = t.targetMachine ?? target?.entryMachine;
    const machine = target?.stateMachines?.find((m) => m.name === machineName);
    const schema = machine?.contextSchema ?? {};
    if (!Object.keys(schema).length) {
      this.fire(t.event);
      return;
    }
    const source = await findComponent(this.getComponents(), inst.componentName);
    const transition = source?.stateMachines?.find((m) => m.name === inst.machineName)?.transitions?.[t.index];
    this.eventForm.open({
      event: t.event,
      target: t.type === 'cross_component' ? `${componentName}.${machineName}` : machineName,
      schema,
      mapping: transition?.event === t.event ? transition.contextMapping ?? null : null,
      data: inst.publicMember ?? inst.context ?? {},
    });
  }

  /** Sends `type` with `payload`, or with the JSON payload editor's object when none is given. */
  async fire(type, given) {
    const inst = this.instance;
    const payload = given ?? this.checkPayload();
    if (!inst || payload === null) return;
    try {
      const r = await api.post(
        `/api/components/${enc(inst.componentName)}/instances/${enc(inst.id)}/events`,
        { type, payload });
      if (r.outcome === 'ignored') {
        this.toast(`${type} ignored${r.reason ? ': ' + r.reason : ''}`, 'warn');
      } else {
        this.toast(`${type}: ${r.previousState} → ${r.currentState}`, 'ok');
      }
    } catch (e) {
      this.toast(`${type} failed: ${e.message}`, 'error');
    }
    await this.refresh();
    this.onChanged();
  }

  renderTimeouts() {
    if (!this.timers.length) {
      fill(this.el.timeouts, h('li', { class: 'muted small' }, 'None armed.'));
      return;
    }
    fill(this.el.timeouts, this.timers.map((t) => {
      const bar = h('progress', { max: String(t.totalMs || 1), value: '0' });
      const left = h('b', { class: 'countdown' });
      t.nodes = { bar, left };
      return h('li', {},
        h('div', { class: 'row' }, h('span', { class: 'mono' }, t.event), h('span', { class: 'muted' }, `→ ${t.targetState}`), left),
        bar);
    }));
    this.tick();
  }

  /** Counts the timers down between refreshes (called every second). */
  tick() {
    const elapsed = Date.now() - this.fetchedAt;
    for (const t of this.timers) {
      if (!t.nodes) continue;
      const left = Math.max(0, t.remainingMs - elapsed);
      t.nodes.left.textContent = left > 0 ? duration(left) : 'due';
      t.nodes.bar.value = Math.max(0, (t.totalMs || 0) - left);
    }
  }

  /** The audit trail, newest first: time, event, state change, source, cause, flow, payload. */
  renderHistory(result) {
    const entries = result.events ?? [];
    const byId = new Map(this.flowById);
    for (const e of entries) byId.set(e.id, e);
    const own = new Set(entries.map((e) => e.id));
    const count = `${entries.length} event${entries.length === 1 ? '' : 's'}`;
    this.el.historyNote.textContent = result.message
      ? result.message
      : `${count} · ${result.fromStore ? 'from the event store' : 'from the runtime memory'}`;
    if (!entries.length) {
      fill(this.el.history, h('li', { class: 'muted small' }, 'No recorded event.'));
      return;
    }
    const scroll = this.el.history.scrollTop;
    fill(this.el.history, chronological(entries).reverse().map((e) => {
      const source = sourceOf(e, byId);
      const cause = e.causationId ? byId.get(e.causationId) : null;
      const payload = e.payload && Object.keys(e.payload).length ? e.payload : null;
      return h('li', {
        class: `trail-item${e.eventType === 'INSTANCE_CREATED' ? ' created' : ''}`,
        dataset: { eventId: e.id },
        tabindex: '-1',
      },
      h('div', { class: 'row' },
        h('span', { class: 'when mono', title: dateTime(e.timestamp) }, time(e.timestamp)),
        h('span', { class: 'event' }, e.eventType),
        h('span', { class: 'move' }, e.fromState ? `${e.fromState} → ${e.toState}` : `→ ${e.toState}`)),
      h('div', { class: 'row meta' },
        e.seq ? h('span', { class: 'mono' }, `#${e.seq}`) : null,
        h('span', { class: `source ${source.kind}`, title: 'source' }, source.label),
        e.causationId ? this.causeLink(e.causationId, cause, own) : null,
        e.correlationId ? h('span', { class: 'corr', title: `correlation ${e.correlationId}` },
          'flow ', h('code', { class: 'mono' }, shortId(e.correlationId))) : null),
      h('div', { class: 'expanders' },
        this.expandable(e.id, 'payload', payload),
        this.expandable(e.id, 'data', e.data && Object.keys(e.data).length ? e.data : null)));
    }));
    this.el.history.scrollTop = scroll;
  }

  /** The cause of an event: a button that highlights it when it is shown, here or in the flow. */
  causeLink(causationId, cause, own) {
    const what = cause
      ? (cause.instanceId === this.id ? ` (${cause.eventType})` : ` (${cause.eventType} · ${cause.machineName} ${shortId(cause.instanceId)})`)
      : '';
    const text = ['cause ', h('code', { class: 'mono' }, shortId(causationId)), what];
    if (!cause) return h('span', { class: 'cause', title: `cause ${causationId} (not in this history)` }, text);
    return h('button', {
      type: 'button',
      class: 'cause link',
      dataset: { cause: causationId },
      title: own.has(causationId) ? 'Show the causing event' : 'Show the causing event in the flow',
      onclick: () => this.highlight(causationId),
    }, text);
  }

  /** A collapsible JSON block that stays open across refreshes. */
  expandable(eventId, name, value) {
    if (!value) return null;
    const key = `${eventId}\u0000${name}`;
    const details = h('details', { class: name, open: this.openDetails.has(key) },
      h('summary', {}, name), h('pre', { class: 'json' }, pretty(value)));
    details.addEventListener('toggle', () => {
      if (details.open) this.openDetails.add(key);
      else this.openDetails.delete(key);
    });
    return details;
  }

  /** Highlights the event `eventId`: in the trail when it is listed, else in the flow. */
  highlight(eventId) {
    const sel = `[data-event-id="${CSS.escape(eventId)}"]`;
    const target = this.el.history.querySelector(sel)
      ?? this.el.flow.querySelector(`.seq-box${sel}`);
    if (!target) return;
    for (const old of document.querySelectorAll('.flash')) old.classList.remove('flash');
    // Restart the animation when the same event is highlighted twice.
    void target.getBoundingClientRect();
    target.classList.add('flash');
    target.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
    target.focus({ preventScroll: true });
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => target.classList.remove('flash'), FLASH_MS);
  }

  /** The sequence diagram of the flow this instance belongs to. */
  renderFlow(result) {
    const events = result.events ?? [];
    this.flowInstances = new Set(events.map((e) => e.instanceId));
    const instances = this.flowInstances.size;
    this.el.flowNote.textContent = result.message
      ? result.message
      : `${events.length} event${events.length === 1 ? '' : 's'} · ${instances} instance${instances === 1 ? '' : 's'}`
        + (result.correlationId ? ` · flow ${shortId(result.correlationId)}` : '')
        + (result.fromStore ? '' : ' · this instance only (no event store)');
    if (!events.length) {
      fill(this.el.flow, h('p', { class: 'muted small' }, result.message ? 'The flow cannot be shown.' : 'No recorded event.'));
      return;
    }
    const left = this.el.flow.scrollLeft;
    fill(this.el.flow, renderSequence(events, {
      focusId: this.id,
      onPick: (e) => (e.instanceId === this.id ? this.highlight(e.id) : this.onOpen?.(e.componentName, e.instanceId)),
    }));
    this.el.flow.scrollLeft = left;
  }
}

/** A component from the loaded list, else asked from the server; null when unknown. */
async function findComponent(components, name) {
  const known = components.find((c) => c.name === name);
  if (known) return known;
  try {
    return await api.get(`/api/components/${enc(name)}`);
  } catch {
    return null;
  }
}

/** The value at a dotted `path` of `data`, or undefined. */
function valueAt(data, path) {
  let v = data;
  for (const part of String(path).split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[part];
  }
  return v;
}

/**
 * The dialog of the event of an inter_machine / cross_component transition. Each field of the
 * target's contextSchema is prefilled with the value the transition would carry (through its
 * contextMapping when it has one) and is sent under the key that feeds that target field.
 */
function setupEventForm(send) {
  const dialog = byId('event-dialog');
  const fields = byId('event-fields');
  const error = byId('event-error');
  let current = null;

  byId('event-cancel').addEventListener('click', () => dialog.close());
  byId('event-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!current) return;
    let payload;
    try {
      payload = readContext(fields, current.schema, current.keyOf);
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
      return;
    }
    dialog.close();
    send(current.event, payload);
  });

  return {
    open({ event, target, schema, mapping, data }) {
      const sourceKey = (name) => (mapping && typeof mapping[name] === 'string' ? mapping[name] : name);
      // A mapped dotted path cannot be a payload key: such a field is sent under its own name.
      const keyOf = (name) => (sourceKey(name).includes('.') ? name : sourceKey(name));
      current = { event, schema, keyOf };
      byId('event-title').textContent = `${event} → ${target}`;
      byId('event-intro').textContent = `The fields of ${target}'s contextSchema, prefilled from this instance; `
        + 'their values are the event payload.';
      fill(fields, Object.entries(schema).map(([name, spec]) =>
        fieldInput(name, spec, 'event-field', valueAt(data, sourceKey(name)))));
      error.hidden = true;
      dialog.showModal();
      fields.querySelector('input, select')?.focus();
    },
  };
}

/** An instance the runtime no longer holds, rebuilt from its audit trail (latest event, snapshot). */
function archived(id, trail) {
  const events = chronological(trail.events ?? []);
  const last = events[events.length - 1];
  const snap = trail.snapshot;
  if (!last && !snap) return null;
  const useEvent = last && (!snap || last.timestamp >= (snap.updatedAt ?? 0));
  return {
    id,
    componentName: useEvent ? last.componentName : snap.componentName,
    machineName: useEvent ? last.machineName : snap.machineName,
    currentState: useEvent ? last.toState : snap.currentState,
    // The snapshot's status holds only when no event came after it.
    status: snap && !(last && last.timestamp > (snap.updatedAt ?? 0)) ? snap.status : 'unknown',
    context: useEvent ? last.data : snap.context,
    updatedAt: useEvent ? last.timestamp : snap.updatedAt,
    pendingTimeouts: [],
    finished: true,
    archived: true,
  };
}

export { shortId };
