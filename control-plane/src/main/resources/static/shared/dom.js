// Builds DOM nodes for the operator portal and the platform console. Text is always set as text (never parsed as
// HTML), so whatever a tenant, an operator or a flag's author typed is shown as typed.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A problem detail (RFC 9457) in plain words, with its field errors. */
export function problemBox(problem) {
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  return el('div', { class: 'problem', role: 'alert' },
    el('strong', {}, problem?.detail || problem?.title || 'Something went wrong.'),
    errors.length ? el('ul', {}, errors.map(error => el('li', {}, `${error.field}: ${error.message}`))) : null);
}

/** A coloured word for a state (active, healthy, failed, ...). */
export function badge(state, text) {
  const value = String(state ?? 'unknown');
  return el('span', { class: `badge state-${value.replace(/[^a-z_]/g, '')}` }, text ?? value.replace(/_/g, ' '));
}

/** An instant as the reader's local date and time, with the ISO value as its tooltip. */
export function when(instant) {
  if (!instant) return el('span', { class: 'muted' }, '—');
  const date = new Date(instant);
  return el('time', { datetime: instant, title: instant }, isNaN(date) ? instant : date.toLocaleString());
}
