// The KYC queue: cases by state (in review first), a case with its documents and history, approve or reject with a
// reason, and asking the player for more documents.
import { el } from '/skin/dom.js';
import { command, read } from './api.js';
import { download } from './download.js';
import { plainWords } from './problems.js';
import { facts, resultLine, say, section, table, when, words } from './view.js';

const CASES = '/api/v1/backoffice/compliance/kyc/cases';
const STATES = ['in_review', 'pending', 'not_started', 'verified', 'rejected', 'expired'];
const MAY_REQUEST_DOCUMENTS = ['not_started', 'rejected', 'expired', 'in_review'];
const CATEGORIES = { identity: 'Identity document', proof_of_address: 'Proof of address' };

function stateFilter(current) {
  const select = el('select', { id: 'kyc-state', onchange: () => { location.hash = `#/kyc?state=${select.value}`; } },
    STATES.map(state => el('option', { value: state, selected: state === current }, words(state))));
  return el('form', { class: 'filter', onsubmit: e => e.preventDefault() }, el('label', {}, 'State', select));
}

async function renderQueue(main, query, notice) {
  const state = STATES.includes(query.get('state')) ? query.get('state') : 'in_review';
  const cases = await read(`${CASES}?state=${encodeURIComponent(state)}`);
  main.replaceChildren(el('h1', {}, 'KYC queue'), resultLine(notice), stateFilter(state),
    table(`KYC cases ${words(state).toLowerCase()}`, [
      ['Opened', kase => when(kase.openedAt)],
      ['Player', kase => el('code', {}, kase.playerId)],
      ['State', kase => words(kase.state)],
      ['Documents requested', kase => kase.documentsRequested.map(c => CATEGORIES[c] || c).join(', ') || '—'],
      ['Provider verdict', kase => kase.providerVerdict || '—'],
      ['', kase => el('a', { href: `#/kyc/${encodeURIComponent(kase.id)}`, class: 'open-case' }, 'Open case')],
    ], cases, kase => ({ 'data-case': kase.id, 'data-state': kase.state }), `No cases ${words(state).toLowerCase()}.`));
}

function decisionForm(kase, redraw) {
  const reason = el('input', { id: 'kyc-reason', required: true, maxlength: '1000', autocomplete: 'off' });
  const decide = async decision => {
    if (!reason.value.trim()) { say('Give the reason for your decision.', true); reason.focus(); return; }
    const answer = await command('POST', `${CASES}/${encodeURIComponent(kase.id)}/decision`,
      { decision, reason: reason.value.trim() });
    if (answer.ok) await redraw(decision === 'approve' ? 'Approved: the player\'s identity is verified.' : 'Rejected.');
    else say(plainWords(answer.status, answer.body), true);
  };
  return el('form', { id: 'kyc-decision', onsubmit: e => e.preventDefault() },
    el('label', {}, 'Reason', reason),
    el('button', { type: 'button', id: 'kyc-approve', onclick: () => decide('approve') }, 'Approve'),
    el('button', { type: 'button', id: 'kyc-reject', onclick: () => decide('reject') }, 'Reject'));
}

function documentRequestForm(kase, redraw) {
  const boxes = Object.entries(CATEGORIES).map(([value, label]) =>
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'documents', value }), label));
  const reason = el('input', { id: 'kyc-request-reason', required: true, maxlength: '1000', autocomplete: 'off' });
  return el('form', { id: 'kyc-document-request', onsubmit: async e => {
    e.preventDefault();
    const documents = [...e.target.querySelectorAll('input[name=documents]:checked')].map(box => box.value);
    if (!documents.length) { say('Choose at least one kind of document.', true); return; }
    const answer = await command('POST', `${CASES}/${encodeURIComponent(kase.id)}/document-requests`,
      { documents, reason: reason.value.trim() });
    if (answer.ok) await redraw('Asked the player for the documents.');
    else say(plainWords(answer.status, answer.body), true);
  } },
  el('fieldset', {}, el('legend', {}, 'Documents'), boxes), el('label', {}, 'Reason', reason),
  el('button', { type: 'submit', id: 'kyc-request-documents' }, 'Request documents'));
}

async function renderCase(main, id, notice, redraw) {
  const file = await read(`${CASES}/${encodeURIComponent(id)}`);
  const kase = file.summary;
  const save = async upload => {
    const saved = await download(`${CASES}/${encodeURIComponent(kase.id)}/documents/${encodeURIComponent(upload.id)}`,
      upload.fileName || upload.type);
    say(saved.ok ? `Downloaded ${saved.name}; the read is recorded in the case's history.` : saved.message, !saved.ok);
  };
  main.replaceChildren(el('p', {}, el('a', { href: '#/kyc' }, '← KYC queue')),
    el('h1', {}, 'KYC case'), resultLine(notice),
    facts([['Case', el('code', {}, kase.id)], ['Player', el('code', {}, kase.playerId)], ['Brand', kase.brand],
      ['State', el('span', { id: 'kyc-case-state' }, words(kase.state))],
      ['Documents requested', kase.documentsRequested.map(c => CATEGORIES[c] || c).join(', ') || '—'],
      ['Verified until', when(kase.expiresAt)], ['Provider', `${kase.provider || '—'} ${kase.providerReference || ''}`],
      ['Provider verdict', kase.providerVerdict || '—'], ['Opened', when(kase.openedAt)], ['Updated', when(kase.updatedAt)]]),
    section('kyc-documents', 'Documents', table('Documents', [
      ['Type', upload => words(upload.type)],
      ['File', upload => upload.fileName || '—'],
      ['Size', upload => `${Math.ceil(upload.size / 1024)} KB`],
      ['Uploaded', upload => when(upload.uploadedAt)],
      ['', upload => el('button', { type: 'button', class: 'download', onclick: () => save(upload) }, 'Download')],
    ], file.documents, upload => ({ 'data-document': upload.id }), 'No documents uploaded.')),
    kase.state === 'in_review' ? section('kyc-decide', 'Decide', decisionForm(kase, redraw)) : null,
    MAY_REQUEST_DOCUMENTS.includes(kase.state)
      ? section('kyc-request', 'Ask for documents', documentRequestForm(kase, redraw)) : null,
    section('kyc-history', 'History', table('History', [
      ['When', line => when(line.at)],
      ['Who', line => `${line.actor || ''} (${line.actorKind})`],
      ['What', line => words(line.action)],
      ['State', line => line.from === line.to ? words(line.to || '') : `${words(line.from || '—')} → ${words(line.to || '—')}`],
      ['Reason', line => line.reason || '—'],
    ], file.history, () => ({}), 'No history yet.')));
}

export async function renderKyc(main, { id, query, notice, redraw }) {
  if (id) await renderCase(main, id, notice, redraw);
  else await renderQueue(main, query, notice);
}
