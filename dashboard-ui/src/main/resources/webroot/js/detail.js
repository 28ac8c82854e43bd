// The instance detail: diagram, data, pending timeouts with live countdowns, actions (one button
// per event available from the current state) with a JSON payload editor, and the history.
import { h, fill, byId, shortId, time, dateTime, duration, pretty } from './dom.js';
import { api, enc, authed } from './api.js';

const TIMED = new Set(['timeout', 'auto']);

export class Detail {
  constructor({ toast, onChanged }) {
    this.toast = toast;
    this.onChanged = onChanged;
    this.id = null;
    this.instance = null;
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
    };
    this.el.payload.addEventListener('input', () => this.checkPayload());
  }

  get open() {
    return this.id !== null;
  }

  async show(id) {
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
    let instance;
    try {
      instance = (await api.get(`/api/instances/${enc(id)}`)).instance;
    } catch (e) {
      if (e.status === 404) {
        this.renderGone(id);
        return;
      }
      this.toast(e.message, 'error');
      return;
    }
    const [transitions, history] = await Promise.all([
      instance.finished ? Promise.resolve({ transitions: [] })
        : api.get(`/api/instances/${enc(id)}/transitions`).catch(() => ({ transitions: [] })),
      api.get(`/api/instances/${enc(id)}/history`).catch((e) => ({ history: [], message: e.message })),
    ]);
    if (id !== this.id) return;
    this.instance = instance;
    this.fetchedAt = Date.now();
    this.render(instance, transitions.transitions ?? [], history);
  }

  render(inst, transitions, history) {
    const { el } = this;
    el.title.textContent = `${inst.machineName}`;
    el.state.textContent = inst.currentState;
    el.state.className = `pill state ${inst.finished ? (inst.status === 'error' ? 'error' : 'final') : 'current'}`;
    el.status.textContent = inst.finished ? `finished · ${inst.status}` : inst.status;
    el.id.textContent = inst.id;
    el.updated.textContent = `updated ${dateTime(inst.updatedAt)}`;
    const src = `/api/components/${enc(inst.componentName)}/machines/${enc(inst.machineName)}`
      + `/diagram.svg?instanceId=${enc(inst.id)}&v=${enc(inst.updatedAt)}-${enc(inst.currentState)}`;
    if (el.diagram.getAttribute('src') !== authed(src)) el.diagram.src = authed(src);
    el.diagram.dataset.state = inst.currentState;
    el.data.textContent = pretty(inst.publicMember ?? inst.context);
    this.renderActions(inst, transitions);
    this.timers = (inst.pendingTimeouts ?? []).map((t) => ({ ...t }));
    this.renderTimeouts();
    this.renderHistory(history);
  }

  renderGone(id) {
    const { el } = this;
    el.state.textContent = 'gone';
    el.status.textContent = 'no longer retained';
    el.id.textContent = id;
    fill(el.actions, h('p', { class: 'muted small' }, 'This instance is no longer known to the runtime.'));
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
        onclick: () => this.fire(t.event),
      }, h('b', {}, t.event), h('span', {}, hint)));
    }
    fill(this.el.actions, buttons.length ? buttons
      : h('p', { class: 'muted small' }, inst.finished
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

  async fire(type) {
    const inst = this.instance;
    const payload = this.checkPayload();
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

  renderHistory(result) {
    const entries = result.history ?? [];
    this.el.historyNote.textContent = result.message ?? `${entries.length} event${entries.length === 1 ? '' : 's'}`;
    if (!entries.length) {
      fill(this.el.history, h('li', { class: 'muted small' }, 'No recorded event.'));
      return;
    }
    fill(this.el.history, entries.slice().reverse().map((e) => {
      const payload = e.payload && Object.keys(e.payload).length ? e.payload : null;
      return h('li', { class: e.eventType === 'INSTANCE_CREATED' ? 'created' : '' },
        h('div', { class: 'row' },
          h('span', { class: 'when mono' }, time(e.timestamp)),
          h('span', { class: 'event' }, e.eventType),
          e.fromState ? h('span', { class: 'move' }, `${e.fromState} → ${e.toState}`)
            : h('span', { class: 'move' }, `→ ${e.toState}`),
          e.sourceComponent ? h('span', { class: 'source' }, `← from ${e.sourceComponent}`) : null),
        payload ? h('details', {}, h('summary', {}, 'payload'), h('pre', { class: 'json' }, pretty(payload))) : null);
    }));
  }
}

export { shortId };
