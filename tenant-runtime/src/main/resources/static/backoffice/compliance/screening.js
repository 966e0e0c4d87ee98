// Screening hits: open ones first in line, their kind, what matched and how well. A sanctions hit is cleared as a
// namesake or confirmed as the listed person; a PEP hit is cleared as a namesake or decided by enhanced due diligence
// (approved with the source of funds, or rejected with a reason: the account is blocked). Every decision has a reason.
import { el } from '/skin/dom.js';
import { command, read } from './api.js';
import { plainWords } from './problems.js';
import { resultLine, say, table, when, words } from './view.js';

const HITS = '/api/v1/backoffice/compliance/screening/hits';
const STATUSES = ['open', 'cleared', 'confirmed', 'approved', 'rejected'];
const KINDS = { sanctions: 'Sanctions', pep: 'PEP' };
const STATUS_WORDS = { approved: 'Due diligence approved', rejected: 'Due diligence rejected' };
const STATUS_PHRASES = { approved: 'with due diligence approved', rejected: 'with due diligence rejected' };

function address(status, kind) {
  return `#/screening?status=${status}${kind ? `&kind=${kind}` : ''}`;
}

function filters(status, kind) {
  const statusSelect = el('select', { id: 'hit-status', onchange: () => { location.hash = address(statusSelect.value, kind); } },
    STATUSES.map(value => el('option', { value, selected: value === status }, STATUS_WORDS[value] || words(value))));
  const kindSelect = el('select', { id: 'hit-kind', onchange: () => { location.hash = address(status, kindSelect.value); } },
    el('option', { value: '', selected: !kind }, 'All kinds'),
    Object.entries(KINDS).map(([value, label]) => el('option', { value, selected: value === kind }, label)));
  return el('form', { class: 'filter', onsubmit: e => e.preventDefault() },
    el('label', {}, 'Status', statusSelect), el('label', {}, 'Kind', kindSelect));
}

function decision(hit) {
  const source = hit.sourceOfFunds ? ` Source of funds: ${hit.sourceOfFunds}.` : '';
  return el('span', { class: 'decision' }, `${STATUS_WORDS[hit.status] || words(hit.status)} by ${hit.decidedBy}, `
    + `${when(hit.decidedAt)}${hit.reason ? `: ${hit.reason}` : ''}${source}`);
}

/** Posts a decision; on success the list is drawn again with {@code done(answer)}, else the refusal in plain words. */
async function post(hit, action, body, done, redraw) {
  const answer = await command('POST', `${HITS}/${encodeURIComponent(hit.id)}/${action}`, body);
  if (answer.ok) await redraw(done(answer.body));
  else say(plainWords(answer.status, answer.body), true);
}

function clearOrConfirm(hit, redraw) {
  const reason = el('input', { class: 'hit-reason', required: true, maxlength: '1000',
    'aria-label': `Reason for the decision on ${hit.screenedName}` });
  const decide = (action, done) => {
    if (!reason.value.trim()) { say('Give the reason for your decision.', true); reason.focus(); return; }
    return post(hit, action, { reason: reason.value.trim() }, done, redraw);
  };
  return el('div', { class: 'actions' }, reason,
    el('button', { type: 'button', class: 'clear', onclick: () => decide('clearance', body => body.accountUnblocked
      ? `Cleared ${hit.screenedName}: the account is unblocked.`
      : hit.kind === 'pep' ? `Cleared ${hit.screenedName} as a namesake: no due diligence is needed.`
        : `Cleared ${hit.screenedName}; other open hits still block the account.`) }, 'Clear'),
    hit.kind === 'pep' ? null : el('button', { type: 'button', class: 'confirm', onclick: () => decide('confirmation',
      () => `Confirmed: ${hit.screenedName} is the listed person. The account stays blocked.`) }, 'Confirm'));
}

/** A PEP may play once enhanced due diligence established where their money comes from; the server checks the form. */
function dueDiligence(hit, redraw) {
  const sourceOfFunds = el('textarea', { class: 'hit-source-of-funds', maxlength: '2000', rows: '2',
    'aria-label': `Source of funds of ${hit.screenedName}` });
  const reason = el('input', { class: 'hit-dd-reason', maxlength: '1000',
    'aria-label': `Note or reason for the due diligence of ${hit.screenedName}` });
  const decide = (decision, done) => post(hit, 'due-diligence',
    { decision, sourceOfFunds: sourceOfFunds.value.trim(), reason: reason.value.trim() }, done, redraw);
  return el('fieldset', { class: 'due-diligence' }, el('legend', {}, 'Enhanced due diligence'),
    el('label', {}, 'Source of funds', sourceOfFunds),
    el('label', {}, 'Note (the reason, to reject)', reason),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'approve-dd', onclick: () => decide('approve',
        () => `Due diligence approved for ${hit.screenedName}: deposits are no longer held for review.`) }, 'Approve'),
      el('button', { type: 'button', class: 'reject-dd', onclick: () => decide('reject', body => body.accountBlocked
        ? `Due diligence rejected: ${hit.screenedName}'s account is blocked.`
        : `Due diligence rejected for ${hit.screenedName}.`) }, 'Reject')));
}

function decisionControls(hit, redraw) {
  if (hit.status !== 'open') return decision(hit);
  return hit.kind === 'pep' ? [clearOrConfirm(hit, redraw), dueDiligence(hit, redraw)] : clearOrConfirm(hit, redraw);
}

export async function renderScreening(main, { query, notice, redraw }) {
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : 'open';
  const kind = KINDS[query.get('kind')] ? query.get('kind') : '';
  const hits = await read(`${HITS}?status=${status}${kind ? `&kind=${kind}` : ''}`);
  const described = `${kind ? `${KINDS[kind]} ` : ''}screening hits ${STATUS_PHRASES[status] || status}`;
  main.replaceChildren(el('h1', {}, 'Screening hits'), resultLine(notice), filters(status, kind),
    table(described.charAt(0).toUpperCase() + described.slice(1), [
      ['Opened', hit => when(hit.openedAt)],
      ['Kind', hit => el('span', { class: 'kind' }, KINDS[hit.kind] || words(hit.kind || 'unknown'))],
      ['Screened as', hit => [el('strong', {}, hit.screenedName), el('div', { class: 'meta' },
        `born ${hit.screenedBirthDate || 'unknown'} · player `, el('code', {}, hit.playerId))]],
      ['Listed entry', hit => [el('strong', {}, hit.entryName), el('div', { class: 'meta' },
        `${hit.listSource?.toUpperCase() || ''} ${hit.listVersion || ''} · ${hit.entryRef || ''} · ${hit.entryPrograms || ''}`
        + (hit.entryBirthDates ? ` · born ${hit.entryBirthDates}` : ''))]],
      ['Matched name', hit => hit.matchedName],
      ['Score', hit => `${hit.score} (name ${hit.nameScore}, birth date ${words(hit.dobMatch || 'unknown').toLowerCase()})`],
      ['Decision', hit => decisionControls(hit, redraw)],
    ], hits, hit => ({ 'data-hit': hit.id, 'data-player': hit.playerId, 'data-status': hit.status, 'data-kind': hit.kind }),
    `No ${described}.`));
}
