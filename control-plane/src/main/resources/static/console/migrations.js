// The upgrade of every tenant schema to the runtime's tenant changelog: a progress bar over all schemas (done,
// failed, migrating now), polled while it runs; platform admins start one.
import { call, read } from '/shared/api.js';
import { el, when } from '/shared/dom.js';
import * as notice from './notice.js';

function summary(progress) {
  if (!progress.runtimeReachable) return ['unreachable', `The tenant runtime did not answer: ${progress.error || ''}`];
  if (!progress.startedAt) return ['never', 'No upgrade has run since the runtime started.'];
  const failed = progress.failed.length;
  if (progress.running) {
    const now = progress.current.length ? ` · migrating now: ${progress.current.join(', ')}` : '';
    return ['running', `Running: ${progress.done} of ${progress.total} schemas done, ${failed} failed${now}`];
  }
  return ['finished', `Finished: ${progress.done} of ${progress.total} schemas done, ${progress.succeeded} up to date, ${failed} failed`];
}

function percent(progress) {
  if (!progress.startedAt) return 0;
  if (progress.total === 0) return progress.running ? 0 : 100;
  return Math.floor((progress.done / progress.total) * 100);
}

export async function renderMigrations(main, context) {
  const bar = el('progress', { id: 'migration-progress', max: '100', value: '0', 'aria-label': 'Schemas migrated' });
  const percentText = el('strong', { id: 'migration-percent' }, '0%');
  const line = el('p', { id: 'migration-summary' });
  const times = el('p', { class: 'muted', id: 'migration-times' });
  const failures = el('ul', { id: 'migration-failures' });
  const start = context.admin
    ? el('button', { type: 'button', id: 'start-migrations', onclick: async () => {
      start.disabled = true;
      const response = await call('/api/v1/platform/migrations', { method: 'POST' });
      if (response.status === 202) notice.ok(`Upgrade started: ${response.body.total} tenant schemas to bring up to date.`);
      else notice.problem(response.body, 'The upgrade could not be started.');
      await refresh();
    } }, 'Upgrade every tenant schema now')
    : el('p', { class: 'muted' }, 'Platform admins start an upgrade.');
  let lastState = null;

  const refresh = async () => {
    const progress = (await read('/api/v1/platform/migrations')).body;
    const [state, text] = summary(progress);
    const value = percent(progress);
    bar.value = value;
    bar.dataset.state = state;
    percentText.textContent = `${value}%`;
    line.dataset.state = state;
    line.textContent = text;
    times.replaceChildren(progress.startedAt ? el('span', {}, 'Started ', when(progress.startedAt)) : '',
      progress.finishedAt ? el('span', {}, ' · finished ', when(progress.finishedAt)) : '');
    failures.replaceChildren(...progress.failed.map(failure =>
      el('li', { 'data-tenant': failure.tenant }, el('strong', {}, failure.tenant), ': ', failure.error || 'failed')));
    if (start instanceof HTMLButtonElement) start.disabled = progress.running;
    if (state !== lastState) {
      lastState = state;
      context.every(state === 'running' ? 1000 : 5000, refresh);
    }
  };

  main.replaceChildren(el('h1', {}, 'Schema migrations'),
    el('p', {}, 'Brings every live tenant\'s schema to the tenant changelog the runtime ships, a few at a time. '
      + 'One tenant\'s failure does not stop the others; it is listed below.'),
    el('div', { class: 'card' }, el('div', { class: 'row' }, el('div', { style: 'flex:1' }, bar), percentText), line, times,
      el('h2', {}, 'Failed'), failures),
    el('div', { class: 'actions' }, start));
  await refresh();
}
