// The AML queue: cases (open first, nearest deadline first), a case file with its alerts, the money movements and
// the history, setting the owner, deciding with a reason, and the suspicious-activity report (SAR) as a file.
import { el } from '/skin/dom.js';
import * as auth from '/skin/auth.js';
import { command, read } from './api.js';
import { download } from './download.js';
import { plainWords } from './problems.js';
import { facts, money, resultLine, say, section, table, when, words } from './view.js';

const CASES = '/api/v1/backoffice/compliance/aml/cases';
const DECISIONS = { no_action: 'No action', enhanced_due_diligence: 'Enhanced due diligence',
  sar_filed: 'Suspicious-activity report filed', account_suspended: 'Account suspended' };

function statusFilter(current) {
  const select = el('select', { id: 'aml-status', onchange: () => {
    location.hash = select.value ? `#/aml?status=${select.value}` : '#/aml';
  } },
  [['', 'Open and closed'], ['open', 'Open'], ['closed', 'Closed']]
    .map(([value, label]) => el('option', { value, selected: value === current }, label)));
  return el('form', { class: 'filter', onsubmit: e => e.preventDefault() }, el('label', {}, 'Status', select));
}

async function renderQueue(main, query, notice) {
  const status = ['open', 'closed'].includes(query.get('status')) ? query.get('status') : '';
  const cases = await read(status ? `${CASES}?status=${status}` : CASES);
  main.replaceChildren(el('h1', {}, 'AML queue'), resultLine(notice), statusFilter(status),
    table('AML cases', [
      ['Opened', kase => when(kase.openedAt)],
      ['Player', kase => el('code', {}, kase.playerId)],
      ['Status', kase => words(kase.status)],
      ['Owner', kase => kase.owner || 'Unassigned'],
      ['Deadline', kase => [when(kase.deadline), kase.overdue ? el('strong', { class: 'overdue' }, ' overdue') : null]],
      ['Alerts', kase => String(kase.alerts)],
      ['Decision', kase => kase.decision ? DECISIONS[kase.decision] || words(kase.decision) : '—'],
      ['', kase => el('a', { href: `#/aml/${encodeURIComponent(kase.id)}`, class: 'open-case' }, 'Open case')],
    ], cases, kase => ({ 'data-case': kase.id, 'data-status': kase.status }), 'No AML cases.'));
}

function ownerForm(kase, redraw) {
  const owner = el('input', { id: 'aml-owner', required: true, maxlength: '200', value: kase.owner || auth.accountName() || '' });
  return el('form', { id: 'aml-owner-form', onsubmit: async e => {
    e.preventDefault();
    const answer = await command('PUT', `${CASES}/${encodeURIComponent(kase.id)}/owner`, { owner: owner.value.trim() });
    if (answer.ok) await redraw(`The case's owner is ${owner.value.trim()}.`);
    else say(plainWords(answer.status, answer.body), true);
  } }, el('label', {}, 'Owner', owner), el('button', { type: 'submit', id: 'aml-set-owner' }, 'Set owner'));
}

function decisionForm(kase, redraw) {
  const decision = el('select', { id: 'aml-decision' },
    Object.entries(DECISIONS).map(([value, label]) => el('option', { value }, label)));
  const reason = el('input', { id: 'aml-reason', required: true, maxlength: '1000', autocomplete: 'off' });
  return el('form', { id: 'aml-decision-form', onsubmit: async e => {
    e.preventDefault();
    const answer = await command('POST', `${CASES}/${encodeURIComponent(kase.id)}/decision`,
      { decision: decision.value, reason: reason.value.trim() });
    if (answer.ok) await redraw(`Decided: ${DECISIONS[decision.value]}. The case is closed.`);
    else say(plainWords(answer.status, answer.body), true);
  } },
  el('label', {}, 'Decision', decision), el('label', {}, 'Reason', reason),
  el('button', { type: 'submit', id: 'aml-decide' }, 'Decide and close'));
}

function reportLinks(kase) {
  const save = async format => {
    const saved = await download(`${CASES}/${encodeURIComponent(kase.id)}/report?format=${format}`, `sar-${kase.id}.${format}`);
    say(saved.ok ? `Downloaded ${saved.name}.` : saved.message, !saved.ok);
  };
  return el('p', { class: 'actions' },
    el('button', { type: 'button', id: 'aml-sar-csv', onclick: () => save('csv') }, 'Download the SAR (CSV)'),
    el('button', { type: 'button', id: 'aml-sar-json', onclick: () => save('json') }, 'Download the SAR (JSON)'));
}

async function renderCase(main, id, notice, redraw) {
  const file = await read(`${CASES}/${encodeURIComponent(id)}`);
  const kase = file.summary;
  const open = kase.status === 'open';
  main.replaceChildren(el('p', {}, el('a', { href: '#/aml' }, '← AML queue')),
    el('h1', {}, 'AML case'), resultLine(notice),
    facts([['Case', el('code', {}, kase.id)], ['Player', el('code', {}, kase.playerId)], ['Brand', kase.brand],
      ['Status', el('span', { id: 'aml-case-status' }, words(kase.status))], ['Owner', kase.owner || 'Unassigned'],
      ['Deadline', `${when(kase.deadline)}${kase.overdue ? ' (overdue)' : ''}`], ['Opened', when(kase.openedAt)],
      ['Decision', kase.decision ? `${DECISIONS[kase.decision] || words(kase.decision)} by ${file.decidedBy}, `
        + `${when(file.decidedAt)}: ${file.decisionReason}` : '—']]),
    section('aml-alerts', 'Alerts', table('Alerts', [
      ['Raised', alert => when(alert.raisedAt)], ['Rule', alert => words(alert.rule)],
      ['Amount', alert => money(alert.amount, alert.currency)], ['Detail', alert => alert.detail],
    ], file.alerts, () => ({}), 'No alerts.')),
    section('aml-movements', 'Money movements', table('Money movements', [
      ['When', movement => when(movement.at)], ['Kind', movement => words(movement.kind)],
      ['Amount', movement => money(movement.amount, movement.currency)],
      ['Payment method', movement => movement.paymentMethod || '—'],
    ], file.movements, () => ({}), 'No money movements.')),
    section('aml-report', 'Suspicious-activity report', reportLinks(kase)),
    open ? section('aml-owner-title', 'Owner', ownerForm(kase, redraw)) : null,
    open ? section('aml-decide-title', 'Decide', decisionForm(kase, redraw)) : null,
    section('aml-history', 'History', table('History', [
      ['When', event => when(event.at)], ['Who', event => event.actor], ['What', event => words(event.action)],
      ['Detail', event => event.detail || '—'],
    ], file.history, () => ({}), 'No history yet.')));
}

export async function renderAml(main, { id, query, notice, redraw }) {
  if (id) await renderCase(main, id, notice, redraw);
  else await renderQueue(main, query, notice);
}
