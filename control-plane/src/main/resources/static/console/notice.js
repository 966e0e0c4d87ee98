// The line under the bar that says what the last action did (or why it was refused).
import { el, problemBox } from '/shared/dom.js';

const box = () => document.getElementById('result');

export function ok(text) {
  box().replaceChildren(el('div', { class: 'ok' }, text));
}

export function problem(body, fallback) {
  box().replaceChildren(problemBox(body?.detail ? body : { detail: fallback || 'Something went wrong.' }));
}

export function clear() {
  box().replaceChildren();
}
