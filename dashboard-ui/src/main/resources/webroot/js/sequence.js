// The sequence diagram of a business flow: one lane per component/machine, one row per recorded
// event (a box with the event, the state change, the time and the source), and an arrow for every
// message between instances (an event caused by an event of another instance). Built as SVG with
// createElementNS and textContent only: state names, event types and instance data are never
// parsed as markup.
import { h, shortId, time, preview, pretty } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const TIMER_REASONS = new Set(['timeout', 'auto-transition', 'timeout_expired_during_restart']);

// Geometry (px).
const PAD = 16;
const HEAD_H = 62;
const ROW_GAP = 18;
const LINE = 16;
const BOX_PAD_X = 10;
const BOX_MIN_W = 150;
const BOX_MAX_W = 300;
const LANE_MIN = 210;

/** Fonts for drawing and measuring; the families are the page's own. */
function fonts() {
  const root = getComputedStyle(document.documentElement);
  const sans = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const mono = root.getPropertyValue('--mono').trim() || 'monospace';
  return {
    machine: { family: sans, size: 13, weight: 700 },
    component: { family: sans, size: 11, weight: 500 },
    ids: { family: mono, size: 10.5, weight: 400 },
    event: { family: mono, size: 12, weight: 700 },
    move: { family: sans, size: 12, weight: 500 },
    meta: { family: sans, size: 11, weight: 400 },
    label: { family: mono, size: 11.5, weight: 600 },
  };
}

let canvas = null;
function measure(text, font) {
  canvas = canvas ?? document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  ctx.font = `${font.weight} ${font.size}px ${font.family}`;
  return ctx.measureText(String(text)).width;
}

/** `text` shortened with an ellipsis to fit `max` px. */
function fit(text, font, max) {
  const s = String(text ?? '');
  if (measure(s, font) <= max) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(s.slice(0, mid) + '…', font) <= max) lo = mid;
    else hi = mid - 1;
  }
  return s.slice(0, lo) + '…';
}

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== null && v !== undefined && v !== false) el.setAttribute(k, String(v));
  }
  if (text !== undefined && text !== null) el.textContent = String(text);
  return el;
}

function label(x, y, text, font, cls, anchor = 'start') {
  return svg('text', {
    x, y, class: cls, 'text-anchor': anchor,
    'font-family': font.family, 'font-size': font.size, 'font-weight': font.weight,
  }, text);
}

/** Events in the order they happened (per instance by sequence number). */
export function chronological(events) {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.timestamp - b.e.timestamp)
      || (a.e.instanceId === b.e.instanceId ? (a.e.seq ?? 0) - (b.e.seq ?? 0) : 0)
      || a.i - b.i)
    .map((x) => x.e);
}

/**
 * Where an event came from: {kind, label, component?}. `byId` maps event ids to events (of the
 * flow) so a cause in another instance can be named.
 */
export function sourceOf(e, byId = new Map()) {
  const payload = e.payload ?? {};
  if (e.sourceComponent) return { kind: 'component', label: `← from ${e.sourceComponent}`, component: e.sourceComponent };
  if (TIMER_REASONS.has(payload.reason)) return { kind: 'timer', label: 'timer' };
  const cause = e.causationId ? byId.get(e.causationId) : null;
  if (cause && cause.instanceId !== e.instanceId) {
    return cause.componentName !== e.componentName
      ? { kind: 'component', label: `← from ${cause.componentName}`, component: cause.componentName }
      : { kind: 'machine', label: `← from ${cause.machineName} ${shortId(cause.instanceId)}` };
  }
  const trigger = typeof payload.triggerEvent === 'string' ? payload.triggerEvent : '';
  const m = /^cross_component from (.+)$/.exec(trigger);
  if (e.eventType === 'INSTANCE_CREATED' && m) return { kind: 'component', label: `← from ${m[1]}`, component: m[1] };
  if (e.eventType === 'INSTANCE_CREATED' && trigger === 'manual create') return { kind: 'manual', label: 'manual' };
  if (e.causationId) return { kind: 'internal', label: 'internal' };
  return { kind: 'manual', label: 'manual' };
}

/** Lanes (component/machine, plus senders outside the recorded events) and each event's sender. */
function plan(events, byId) {
  const lanes = new Map();
  const lane = (key, make) => {
    if (!lanes.has(key)) lanes.set(key, { key, index: lanes.size, instances: [], ...make() });
    return lanes.get(key);
  };
  const rows = [];
  for (const e of events) {
    const target = lane(`${e.componentName}\u0000${e.machineName}`,
      () => ({ component: e.componentName, machine: e.machineName }));
    if (!target.instances.includes(e.instanceId)) target.instances.push(e.instanceId);
    const cause = e.causationId ? byId.get(e.causationId) : null;
    const source = sourceOf(e, byId);
    let from = null;
    if (cause && cause.instanceId !== e.instanceId) {
      from = lane(`${cause.componentName}\u0000${cause.machineName}`,
        () => ({ component: cause.componentName, machine: cause.machineName }));
      if (!from.instances.includes(cause.instanceId)) from.instances.push(cause.instanceId);
    } else if (!cause && source.kind === 'component') {
      // The sender's events are not in this history (no event store, or outside the limit).
      from = lane(`\u0001${source.component}`, () => ({ component: source.component, machine: null, outside: true }));
    }
    rows.push({ e, cause, source, from, target });
  }
  return { lanes: [...lanes.values()], rows };
}

function boxLines(row, F) {
  const { e, source } = row;
  const lines = [
    { text: e.eventType, font: F.event, cls: 'seq-event-type' },
    { text: e.fromState ? `${e.fromState} → ${e.toState}` : `→ ${e.toState}`, font: F.move, cls: 'seq-move' },
    { text: `${time(e.timestamp)} · ${source.label}`, font: F.meta, cls: 'seq-meta' },
  ];
  if (e.eventType === 'INSTANCE_CREATED') {
    const data = preview(e.data && Object.keys(e.data).length ? e.data : e.payload?.initialContext, 3);
    if (data) lines.push({ text: data, font: F.meta, cls: 'seq-data' });
  }
  return lines;
}

/**
 * Renders the flow. `events` come from /api/history/correlated; `focusId` is the instance shown in
 * the detail; `onPick(event)` is called when a box is activated (click, Enter or Space). Returns
 * an element holding two SVGs: the lane headers (sticky) and the rows.
 */
export function renderSequence(events, { focusId, onPick } = {}) {
  const F = fonts();
  const ordered = chronological(events);
  const byId = new Map(ordered.map((e) => [e.id, e]));
  const { lanes, rows } = plan(ordered, byId);

  // Sizes from the text actually drawn.
  for (const r of rows) r.lines = boxLines(r, F);
  const boxW = Math.min(BOX_MAX_W, Math.max(BOX_MIN_W,
    ...rows.flatMap((r) => r.lines.map((l) => measure(l.text, l.font) + 2 * BOX_PAD_X))));
  const labelW = Math.max(0, ...rows.filter((r) => r.from).map((r) => measure(r.e.eventType, F.label) + 16));
  const headW = Math.max(0, ...lanes.map((l) => Math.max(measure(l.machine ?? l.component, F.machine),
    measure(l.component, F.component)) + 28));
  const pitch = Math.ceil(Math.max(LANE_MIN, boxW + 40, headW + 24, boxW / 2 + labelW + 36));
  const headBoxW = Math.min(pitch - 20, Math.max(headW, boxW));
  const laneX = (l) => PAD + pitch / 2 + l.index * pitch;
  const width = Math.ceil(PAD * 2 + lanes.length * pitch);

  let y = PAD + HEAD_H + 26;
  for (const r of rows) {
    r.top = y;
    r.height = r.lines.length * LINE + 14;
    y += r.height + ROW_GAP;
  }
  const height = Math.ceil(y + 4);
  // The lane headers are a separate SVG that stays on top when the diagram scrolls down.
  const headH = PAD + HEAD_H + 8;
  const top = svg('svg', {
    class: 'seq seq-top', width, height: headH, viewBox: `0 0 ${width} ${headH}`,
    role: 'img', 'aria-label': `Participants: ${lanes.map((l) => l.machine ?? l.component).join(', ')}`,
  });
  top.append(svg('rect', { x: 0, y: 0, width, height: headH, class: 'seq-bg' }));
  const root = svg('svg', {
    class: 'seq', width, height: height - headH, viewBox: `0 ${headH} ${width} ${height - headH}`, role: 'group',
    'aria-label': `Sequence diagram: ${lanes.length} participants, ${rows.length} events`,
  });
  const defs = svg('defs');
  for (const kind of ['cross', 'machine', 'outside']) {
    const marker = svg('marker', {
      id: `seq-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
    });
    marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: `seq-head ${kind}` }));
    defs.append(marker);
  }
  root.append(defs, svg('rect', { x: 0, y: headH, width, height: height - headH, class: 'seq-bg' }));

  // Lifelines and lane headers.
  for (const l of lanes) {
    const x = laneX(l);
    top.append(svg('line', { x1: x, y1: PAD + HEAD_H, x2: x, y2: headH, class: `seq-life${l.outside ? ' outside' : ''}` }));
    root.append(svg('line', { x1: x, y1: headH, x2: x, y2: height - 6, class: `seq-life${l.outside ? ' outside' : ''}` }));
    const g = svg('g', { class: `seq-lane${l.outside ? ' outside' : ''}${l.instances.includes(focusId) ? ' focus' : ''}` });
    g.append(svg('rect', { x: x - headBoxW / 2, y: PAD, width: headBoxW, height: HEAD_H, rx: 8, class: 'seq-head-box' }));
    g.append(label(x, PAD + 20, fit(l.machine ?? l.component, F.machine, headBoxW - 16), F.machine, 'seq-machine', 'middle'));
    g.append(label(x, PAD + 36, fit(l.outside ? 'not in this history' : l.component, F.component, headBoxW - 16),
      F.component, 'seq-component', 'middle'));
    if (l.instances.length) {
      const shown = l.instances.slice(0, 3).map(shortId);
      const more = l.instances.length - shown.length;
      const ids = svg('text', {
        x, y: PAD + 52, 'text-anchor': 'middle', class: 'seq-ids',
        'font-family': F.ids.family, 'font-size': F.ids.size, 'font-weight': F.ids.weight,
      }, fit(shown.join(' · ') + (more > 0 ? ` +${more}` : ''), F.ids, headBoxW - 16));
      ids.append(svg('title', {}, l.instances.join('\n')));
      g.append(ids);
    }
    g.append(svg('title', {}, l.outside ? `${l.component} (its events are not in this history)` : `${l.component} / ${l.machine}`));
    top.append(g);
  }

  // One row per event.
  for (const r of rows) {
    const { e } = r;
    const cx = laneX(r.target);
    const left = cx - boxW / 2;
    const arrowY = r.top + 14;
    if (r.from) {
      const kind = r.from.outside ? 'outside' : r.from.component !== r.target.component ? 'cross' : 'machine';
      const fx = laneX(r.from);
      const g = svg('g', { class: `seq-msg ${kind}`, 'data-event-id': e.id });
      let labelX;
      if (r.from === r.target) {
        // Between two instances of the same machine: a loop on the right of the box.
        const rx = left + boxW + 26;
        g.append(svg('path', { d: `M${cx},${r.top - ROW_GAP + 4} L${rx},${r.top - ROW_GAP + 4} L${rx},${arrowY} L${left + boxW + 1},${arrowY}`, class: 'seq-arrow', 'marker-end': `url(#seq-arrow-${kind})` }));
        labelX = rx + 6;
        g.append(label(labelX, arrowY - 5, e.eventType, F.label, 'seq-label'));
      } else {
        const tx = fx < cx ? left - 1 : left + boxW + 1;
        g.append(svg('line', { x1: fx, y1: arrowY, x2: tx, y2: arrowY, class: 'seq-arrow', 'marker-end': `url(#seq-arrow-${kind})` }));
        const mid = (fx + tx) / 2;
        const w = measure(e.eventType, F.label) + 10;
        g.append(svg('rect', { x: mid - w / 2, y: arrowY - 17, width: w, height: 15, rx: 3, class: 'seq-label-bg' }));
        g.append(label(mid, arrowY - 6, e.eventType, F.label, 'seq-label', 'middle'));
        g.append(svg('circle', { cx: fx, cy: arrowY, r: 3, class: 'seq-dot' }));
      }
      root.append(g);
    }
    const classes = ['seq-box'];
    if (e.instanceId === focusId) classes.push('focus');
    if (e.eventType === 'INSTANCE_CREATED') classes.push('created');
    const g = svg('g', {
      class: classes.join(' '), 'data-event-id': e.id, 'data-instance-id': e.instanceId,
      tabindex: onPick ? 0 : null, role: onPick ? 'button' : null,
      'aria-label': `${e.eventType} ${e.fromState ? e.fromState + ' to ' : 'to '}${e.toState}, ${e.machineName} ${shortId(e.instanceId)}`,
    });
    g.append(svg('rect', { x: left, y: r.top, width: boxW, height: r.height, rx: 6, class: 'seq-box-rect' }));
    r.lines.forEach((l, i) => g.append(label(left + BOX_PAD_X, r.top + 17 + i * LINE, fit(l.text, l.font, boxW - 2 * BOX_PAD_X), l.font, l.cls)));
    const payload = e.payload && Object.keys(e.payload).length ? `\npayload: ${pretty(e.payload)}` : '';
    g.append(svg('title', {}, `${e.eventType} · ${e.machineName} ${e.instanceId}\n`
      + `${e.fromState || '∅'} → ${e.toState}\n${time(e.timestamp)} · ${r.source.label}`
      + `${e.causationId ? `\ncause ${e.causationId}` : ''}${payload}`));
    if (onPick) {
      g.addEventListener('click', () => onPick(e));
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onPick(e);
        }
      });
    }
    root.append(g);
  }
  return h('div', { class: 'seq-wrap' }, top, root);
}

/** The legend of {@link renderSequence}, as HTML. */
export function sequenceLegend() {
  const item = (cls, text) => h('li', {}, h('i', { class: `seq-sw ${cls}` }), text);
  return h('ul', { class: 'legend seq-legend' },
    item('box focus', 'this instance'),
    item('box', 'other instance'),
    item('box created', 'creation'),
    item('arrow cross', 'message between components'),
    item('arrow machine', 'between machines'),
    item('arrow outside', 'sender not recorded'));
}
