// Sanctions screening hits: open ones first in line, what matched and how well; clear a namesake or confirm a
// listed person, always with a reason.
import { el } from '/skin/dom.js';
import { command, read } from './api.js';
import { plainWords } from './problems.js';
import { resultLine, say, table, when, words } from './view.js';

const HITS = '/api/v1/backoffice/compliance/screening/hits';
const STATUSES = ['open', 'cleared', 'confirmed'];

function statusFilter(current) {
  const select = el('select', { id: 'hit-status', onchange: () => { location.hash = `#/screening?status=${select.value}`; } },
    STATUSES.map(status => el('option', { value: status, selected: status === current }, words(status))));
  return el('form', { class: 'filter', onsubmit: e => e.preventDefault() }, el('label', {}, 'Status', select));
}

function decisionControls(hit, redraw) {
  if (hit.status !== 'open') {
    return `${words(hit.status)} by ${hit.decidedBy}, ${when(hit.decidedAt)}: ${hit.reason}`;
  }
  const reason = el('input', { class: 'hit-reason', required: true, maxlength: '1000',
    'aria-label': `Reason for the decision on ${hit.screenedName}` });
  const decide = async (action, done) => {
    if (!reason.value.trim()) { say('Give the reason for your decision.', true); reason.focus(); return; }
    const answer = await command('POST', `${HITS}/${encodeURIComponent(hit.id)}/${action}`, { reason: reason.value.trim() });
    if (answer.ok) await redraw(done(answer.body));
    else say(plainWords(answer.status, answer.body), true);
  };
  return el('div', { class: 'actions' }, reason,
    el('button', { type: 'button', class: 'clear', onclick: () => decide('clearance', body => body.accountUnblocked
      ? `Cleared ${hit.screenedName}: the account is unblocked.`
      : `Cleared ${hit.screenedName}; other open hits still block the account.`) }, 'Clear'),
    el('button', { type: 'button', class: 'confirm', onclick: () => decide('confirmation',
      () => `Confirmed: ${hit.screenedName} is the listed person. The account stays blocked.`) }, 'Confirm'));
}

export async function renderScreening(main, { query, notice, redraw }) {
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : 'open';
  const hits = await read(`${HITS}?status=${status}`);
  main.replaceChildren(el('h1', {}, 'Screening hits'), resultLine(notice), statusFilter(status),
    table(`Screening hits ${status}`, [
      ['Opened', hit => when(hit.openedAt)],
      ['Screened as', hit => [el('strong', {}, hit.screenedName), el('div', { class: 'meta' },
        `born ${hit.screenedBirthDate || 'unknown'} · player `, el('code', {}, hit.playerId))]],
      ['Listed entry', hit => [el('strong', {}, hit.entryName), el('div', { class: 'meta' },
        `${hit.listSource?.toUpperCase() || ''} ${hit.listVersion || ''} · ${hit.entryRef || ''} · ${hit.entryPrograms || ''}`
        + (hit.entryBirthDates ? ` · born ${hit.entryBirthDates}` : ''))]],
      ['Matched name', hit => hit.matchedName],
      ['Score', hit => `${hit.score} (name ${hit.nameScore}, birth date ${words(hit.dobMatch || 'unknown').toLowerCase()})`],
      ['Decision', hit => decisionControls(hit, redraw)],
    ], hits, hit => ({ 'data-hit': hit.id, 'data-player': hit.playerId, 'data-status': hit.status }),
    `No ${status} screening hits.`));
}
