// Regulator exports: pick the licence, the report and the window; preview the rows, or download the CSV.
import { el } from '/skin/dom.js';
import { command, read } from './api.js';
import { download } from './download.js';
import { plainWords } from './problems.js';
import { describe, resultLine, say, section, table, when, words } from './view.js';

const REPORTS = '/api/v1/backoffice/compliance/reports';

function isoDate(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function preview(report, title) {
  const heading = el('p', { class: 'meta', id: 'export-summary' }, `${title}, licence ${report.licence}, ${report.from} to `
    + `${report.to}: ${report.rowCount} ${report.rowCount === 1 ? 'row' : 'rows'}, generated ${when(report.generatedAt)}.`);
  if (!report.rows?.length) return [heading, el('p', { class: 'empty', id: 'export-empty' }, report.message || 'No activity')];
  const columns = [...new Set(report.rows.flatMap(row => Object.keys(row)))];
  return [heading, table(title, columns.map(column => [words(column), row => describe(row[column])]), report.rows,
    () => ({ 'data-row': '' }))];
}

export async function renderExports(main, { notice }) {
  const catalog = await read(REPORTS);
  const today = new Date();
  const licence = el('select', { id: 'export-licence' }, catalog.licences.map(code => el('option', { value: code }, code)));
  const kind = el('select', { id: 'export-kind' }, catalog.reports.map(r => el('option', { value: r.kind }, r.title)));
  const from = el('input', { id: 'export-from', type: 'date', required: true,
    value: isoDate(new Date(today.getFullYear(), today.getMonth(), 1)) });
  const to = el('input', { id: 'export-to', type: 'date', required: true, value: isoDate(today) });
  const output = el('div', { id: 'export-output', 'aria-live': 'polite' });
  const query = format => `${REPORTS}/${encodeURIComponent(kind.value)}?` + new URLSearchParams({ licence: licence.value,
    from: from.value, to: to.value, format });
  const title = () => catalog.reports.find(r => r.kind === kind.value)?.title || words(kind.value);

  const showPreview = async () => {
    const answer = await command('GET', query('json'));
    if (!answer.ok) { output.replaceChildren(); say(plainWords(answer.status, answer.body), true); return; }
    say('');
    output.replaceChildren(...preview(answer.body, title()));
  };
  const saveCsv = async () => {
    if (!form.reportValidity()) return;
    const saved = await download(query('csv'), `${kind.value}-${licence.value}-${from.value}-${to.value}.csv`);
    say(saved.ok ? `Downloaded ${saved.name} (${saved.size} bytes).` : saved.message, !saved.ok);
  };
  const form = el('form', { id: 'export-form', onsubmit: e => { e.preventDefault(); showPreview(); } },
    el('label', {}, 'Licence', licence), el('label', {}, 'Report', kind),
    el('label', {}, 'From', from), el('label', {}, 'To', to),
    el('button', { type: 'submit', id: 'export-preview' }, 'Preview'),
    el('button', { type: 'button', id: 'export-csv', onclick: saveCsv }, 'Download CSV'));
  main.replaceChildren(el('h1', {}, 'Regulator exports'), resultLine(notice),
    catalog.reports.length ? form : el('p', { class: 'empty' }, 'No reports are available for this brand.'),
    section('export-preview-title', 'Preview', output));
}
