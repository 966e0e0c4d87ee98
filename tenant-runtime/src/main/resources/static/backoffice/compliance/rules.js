// Jurisdiction rules: the effective rules per jurisdiction (the pack's value and source, the tenant's override, the
// value that applies), the rule change requests with approve and reject, and the form to request a stricter value.
import { el } from '/skin/dom.js';
import { command, read } from './api.js';
import { plainWords } from './problems.js';
import { describe, resultLine, say, section, table, when, words } from './view.js';

const RULES = '/api/v1/backoffice/compliance/rules';

function overrideText(override) {
  if (!override) return '—';
  return `${describe(override.value)} (version ${override.version}, requested by ${override.requestedBy}, `
    + `approved by ${override.approvedBy})`;
}

function jurisdictionSection(jurisdiction) {
  const rules = Object.entries(jurisdiction.rules);
  const id = `rules-${jurisdiction.code}`;
  return el('section', { 'aria-labelledby': id, 'data-jurisdiction': jurisdiction.code },
    el('h3', { id }, `${jurisdiction.name} (${jurisdiction.code})`),
    el('p', { class: 'meta' }, `${jurisdiction.regulator} · pack ${jurisdiction.packVersion} · adopted ${when(jurisdiction.adoptedAt)}`),
    table(`Rules of ${jurisdiction.name}`, [
      ['Rule', ([key]) => [el('span', {}, words(key)), ' ', el('code', {}, key)]],
      ['Pack value', ([, rule]) => el('span', { class: 'pack' }, describe(rule.pack))],
      ['Source', ([, rule]) => el('span', { class: 'source' }, rule.source)],
      ['Tenant override', ([, rule]) => el('span', { class: 'override' }, overrideText(rule.override))],
      ['Effective', ([, rule]) => el('strong', { class: 'effective' }, describe(rule.effective))],
    ], rules, ([key]) => ({ 'data-rule': key })));
}

function statusText(change) {
  if (change.status === 'requested') return 'Pending approval';
  if (change.status === 'approved') return `Approved by ${change.decidedBy} (rule version ${change.ruleVersion})`;
  return `Rejected by ${change.decidedBy}: ${change.decisionReason}`;
}

function decisionControls(change, redraw) {
  if (change.status !== 'requested') return null;
  const reason = el('input', { class: 'reject-reason', 'aria-label': `Reason for rejecting the ${words(change.rule).toLowerCase()} change` });
  const approve = async () => {
    const answer = await command('POST', `${RULES}/changes/${encodeURIComponent(change.id)}/approve`);
    if (answer.ok) await redraw(`Approved: ${words(change.rule).toLowerCase()} for ${change.jurisdiction} is now `
      + `${describe(change.value)} (rule version ${answer.body.ruleVersion}).`);
    else say(plainWords(answer.status, answer.body), true);
  };
  const reject = async () => {
    if (!reason.value.trim()) { say('Give a reason for rejecting the change.', true); reason.focus(); return; }
    const answer = await command('POST', `${RULES}/changes/${encodeURIComponent(change.id)}/reject`, { reason: reason.value.trim() });
    if (answer.ok) await redraw(`Rejected the ${words(change.rule).toLowerCase()} change for ${change.jurisdiction}.`);
    else say(plainWords(answer.status, answer.body), true);
  };
  return el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'approve', onclick: approve }, 'Approve'),
    reason, el('button', { type: 'button', class: 'reject', onclick: reject }, 'Reject'));
}

function changesTable(changes, redraw) {
  return table('Rule change requests', [
    ['Requested', change => when(change.requestedAt)],
    ['Jurisdiction', change => change.jurisdiction],
    ['Rule', change => words(change.rule)],
    ['Value', change => describe(change.value)],
    ['Reason', change => change.reason],
    ['Requested by', change => change.requestedBy],
    ['Status', change => el('span', { class: 'status' }, statusText(change))],
    ['Decision', change => decisionControls(change, redraw)],
  ], changes, change => ({ 'data-change': change.id, 'data-status': change.status }), 'No rule change requests yet.');
}

/** The value as the rule's JSON shape when it parses as JSON (21, ["single"], {"daily": 50000}), else as text. */
function parsed(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function requestForm(jurisdictions, redraw) {
  const jurisdictionSelect = el('select', { id: 'change-jurisdiction' },
    jurisdictions.map(j => el('option', { value: j.code }, `${j.name} (${j.code})`)));
  const ruleSelect = el('select', { id: 'change-rule', 'aria-describedby': 'change-hint' });
  const hint = el('p', { class: 'meta', id: 'change-hint' });
  const value = el('input', { id: 'change-value', required: true, 'aria-describedby': 'change-hint', autocomplete: 'off' });
  const reason = el('input', { id: 'change-reason', required: true, maxlength: '1000', autocomplete: 'off' });
  const selected = () => jurisdictions.find(j => j.code === jurisdictionSelect.value);
  const showHint = () => {
    const rule = selected()?.rules[ruleSelect.value];
    hint.textContent = rule ? `Now ${describe(rule.effective)} (pack: ${describe(rule.pack)}). Stricter means ${rule.stricterMeans}.`
      + ' Give a number, yes/no as true/false, or a JSON list such as ["single"].' : '';
  };
  const fillRules = () => {
    const overridable = Object.entries(selected()?.rules || {}).filter(([, rule]) => rule.overridable);
    ruleSelect.replaceChildren(...overridable.map(([key]) => el('option', { value: key }, words(key))));
    showHint();
  };
  jurisdictionSelect.addEventListener('change', fillRules);
  ruleSelect.addEventListener('change', showHint);
  fillRules();
  return el('form', { id: 'rule-change-form', onsubmit: async e => {
    e.preventDefault();
    const change = { jurisdiction: jurisdictionSelect.value, rule: ruleSelect.value, value: parsed(value.value.trim()),
      reason: reason.value.trim() };
    const answer = await command('POST', `${RULES}/changes`, change);
    if (answer.ok) await redraw(`Requested: ${words(change.rule).toLowerCase()} ${describe(change.value)} for `
      + `${change.jurisdiction}. It waits for a second compliance officer's approval.`);
    else say(plainWords(answer.status, answer.body), true);
  } },
  el('label', {}, 'Jurisdiction', jurisdictionSelect), el('label', {}, 'Rule', ruleSelect),
  el('label', {}, 'Stricter value', value), el('label', {}, 'Reason', reason), hint,
  el('button', { type: 'submit', id: 'change-submit' }, 'Request change'));
}

export async function renderRules(main, { notice, redraw }) {
  const [view, changes] = await Promise.all([read(RULES), read(`${RULES}/changes`)]);
  const brands = Object.entries(view.brands || {}).map(([brand, codes]) => `${brand}: ${codes.join(', ')}`).join(' · ');
  main.replaceChildren(el('h1', {}, 'Jurisdiction rules'),
    el('p', { class: 'meta' }, `Rule version ${view.ruleVersion}. Brands and their licences: ${brands || 'none'}.`),
    resultLine(notice),
    section('effective-rules', 'Effective rules', view.jurisdictions.map(jurisdictionSection)),
    section('rule-changes', 'Rule change requests', changesTable(changes, redraw),
      el('h3', {}, 'Request a stricter rule'),
      el('p', { class: 'meta' }, 'A tenant may make a rule only stricter than the regulator\'s pack; a second '
        + 'compliance officer approves or rejects the request.'),
      requestForm(view.jurisdictions, redraw)));
}
