// Forms generated from a machine's contextSchema: the create-instance dialog here, and the
// event form of inter_machine / cross_component transitions (js/detail.js) with the same fields.
import { h, fill, byId } from './dom.js';
import { api, enc } from './api.js';

/**
 * Input for one schema field; `name` is the data key, `prefix` keeps element ids unique per form,
 * `value` (optional) prefills it.
 */
export function fieldInput(name, spec, prefix = 'field', value = undefined) {
  const id = `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const required = !!spec.required;
  const label = spec.label || name;
  let input;
  if (spec.type === 'select' && Array.isArray(spec.options) && spec.options.length) {
    input = h('select', { id, name, required },
      required ? null : h('option', { value: '' }, '—'),
      spec.options.map((o) => h('option', { value: String(o.value ?? o.label ?? '') },
        String(o.label ?? o.value ?? ''))));
  } else if (spec.type === 'boolean') {
    input = h('input', { id, name, type: 'checkbox' });
  } else {
    input = h('input', {
      id,
      name,
      type: spec.type === 'number' ? 'number' : 'text',
      required,
      placeholder: spec.placeholder ?? null,
      min: spec.min ?? null,
      max: spec.max ?? null,
      step: spec.type === 'number' ? 'any' : null,
    });
  }
  input.dataset.kind = spec.type || 'string';
  if (value !== undefined && value !== null) {
    if (input.type === 'checkbox') input.checked = value === true;
    else if (typeof value !== 'object') input.value = String(value);
  }
  return h('label', { class: 'field', for: id },
    h('span', {}, label, required ? h('em', { class: 'req', title: 'required' }, ' *') : null),
    input,
    spec.description ? h('small', { class: 'muted' }, spec.description) : null);
}

/**
 * Reads the form into a data object, or throws a message naming the field at fault. `keyOf` gives
 * the key each field is written under (the field's own name by default).
 */
export function readContext(container, schema, keyOf = (name) => name) {
  const context = {};
  for (const [name, spec] of Object.entries(schema)) {
    const key = keyOf(name);
    const input = container.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!input) continue;
    if (input.type === 'checkbox') {
      context[key] = input.checked;
      continue;
    }
    const raw = input.value.trim();
    if (raw === '') {
      if (spec.required) throw new Error(`${spec.label || name} is required`);
      continue;
    }
    if (input.dataset.kind === 'number') {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new Error(`${spec.label || name} must be a number`);
      context[key] = n;
    } else context[key] = raw;
  }
  return context;
}

export function setupCreateDialog({ getComponent, onCreated, toast }) {
  const dialog = byId('create-dialog');
  const machineSelect = byId('create-machine');
  const fields = byId('create-fields');
  const error = byId('create-error');

  function machine() {
    return getComponent()?.stateMachines.find((m) => m.name === machineSelect.value);
  }

  function renderFields() {
    const schema = machine()?.contextSchema ?? {};
    const entries = Object.entries(schema);
    fill(fields, entries.length
      ? entries.map(([name, spec]) => fieldInput(name, spec))
      : h('p', { class: 'muted small' }, 'This machine declares no contextSchema: it starts with empty data.'));
  }

  machineSelect.addEventListener('change', renderFields);
  byId('create-cancel').addEventListener('click', () => dialog.close());
  byId('create-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const component = getComponent();
    const m = machine();
    if (!component || !m) return;
    let context;
    try {
      context = readContext(fields, m.contextSchema ?? {});
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    try {
      const created = await api.post(`/api/components/${enc(component.name)}/instances`,
        { machineName: m.name, context });
      dialog.close();
      toast(`Created ${m.name} ${created.instanceId.slice(0, 8)}`, 'ok');
      onCreated(created.instanceId);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });

  return {
    open() {
      const component = getComponent();
      if (!component) return;
      fill(machineSelect, component.stateMachines.map((m) =>
        h('option', { value: m.name, selected: m.name === component.entryMachine },
          m.name + (m.name === component.entryMachine ? ' (entry)' : ''))));
      error.hidden = true;
      renderFields();
      dialog.showModal();
      fields.querySelector('input, select')?.focus();
    },
  };
}
