// What every console page draws with: the result line, tables, definition lists, and values in plain text.
import { el } from '/skin/dom.js';

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '—';
}

export function money(minor, currency) {
  return `${(Number(minor) / 100).toFixed(2)} ${currency}`;
}

/** Words for a camelCase or snake_case name: "minimumAge" -> "Minimum age". */
export function words(name) {
  const spaced = String(name).replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A JSON value as a person reads it: none, yes/no, lists joined, objects as "key: value", money as money. */
export function describe(value) {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map(describe).join(', ') : 'none';
  if (typeof value === 'object') {
    if ('amount' in value && 'currency' in value && Object.keys(value).length === 2) return money(value.amount, value.currency);
    return Object.entries(value).map(([key, inner]) => `${words(key).toLowerCase()}: ${describe(inner)}`).join('; ');
  }
  return String(value);
}

/** The page's result line: what the last action did, or why it was refused. */
export function resultLine(notice) {
  return el('p', { id: 'result', class: 'result', role: 'status' }, notice || '');
}

export function say(text, problem = false) {
  const line = document.getElementById('result');
  if (!line) return;
  line.textContent = text;
  line.classList.toggle('problem', problem);
}

/**
 * A table: columns as [heading, cell(row)], a cell being text or a node; rowAttributes(row) gives each row's data-*
 * attributes. An empty list shows {@code empty} instead.
 */
export function table(caption, columns, rows, rowAttributes = () => ({}), empty = 'Nothing here.') {
  if (!rows.length) return el('p', { class: 'empty' }, empty);
  return el('table', { class: 'data' },
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, rows.map(row => el('tr', rowAttributes(row), columns.map(([, cell]) => el('td', {}, cell(row)))))));
}

/** A definition list of [term, value] pairs. */
export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '—')]));
}

export function section(id, title, ...content) {
  return el('section', { 'aria-labelledby': id }, el('h2', { id }, title), ...content);
}
