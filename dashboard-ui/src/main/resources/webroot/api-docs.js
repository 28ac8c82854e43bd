// Renders /openapi.json as a readable list of routes. Every value is written with textContent.

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function paramName(p, doc) {
  if (p.$ref) {
    const name = p.$ref.split('/').pop();
    const def = doc.components.parameters[name];
    return def ? `${def.name} (${def.in})` : name;
  }
  return `${p.name} (${p.in})`;
}

async function render() {
  const doc = await (await fetch('/openapi.json')).json();
  document.getElementById('api-description').textContent = doc.info.description || '';
  const list = document.getElementById('api-routes');
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const box = el('section', 'api-route');
      const head = el('header');
      head.append(el('span', 'api-method', method), el('span', 'api-path', path));
      box.append(head, el('p', '', op.summary || ''));
      const params = (op.parameters || []).map((p) => paramName(p, doc));
      if (params.length) box.append(el('p', 'api-params', 'Parameters: ' + params.join(', ')));
      box.append(el('p', 'api-responses', 'Answers: ' + Object.keys(op.responses || {}).join(', ')));
      list.append(box);
    }
  }
}

render().catch((e) => {
  document.getElementById('api-routes').textContent = 'Could not load /openapi.json: ' + e.message;
});
