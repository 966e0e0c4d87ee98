// The player's responsible-gambling page (limits with what is used and what is pending, reality-check interval,
// time-out and self-exclusion with a confirmation) and the reality-check dialog that appears when a check is due.
import { authorized, forget, token } from './auth.js';

const KINDS = [
  { kind: 'deposit', name: 'Deposit', money: true },
  { kind: 'loss', name: 'Loss', money: true },
  { kind: 'wager', name: 'Wager', money: true },
  { kind: 'session_time', name: 'Session time', money: false },
];
const PERIODS = [{ period: 'day', name: 'Per day' }, { period: 'week', name: 'Per week' }, { period: 'month', name: 'Per month' }];

function money(minor, currency) {
  return `${(minor / 100).toFixed(2)} ${currency}`;
}

function amountText(kind, amount, currency) {
  if (amount === null || amount === undefined) return 'No limit';
  return kind === 'session_time' ? `${amount} min` : money(amount, currency);
}

function when(instant) {
  return new Date(instant).toLocaleString();
}

function signedOut(message) {
  forget();
  document.getElementById('announcer').textContent = message;
}

/** Asks before something that cannot be undone; resolves to true when the player confirms. */
function confirmInDialog(el, title, text, confirmLabel) {
  return new Promise(resolve => {
    const dialog = el('dialog', { class: 'confirm', id: 'rg-confirm', 'aria-labelledby': 'rg-confirm-title' },
      el('h2', { id: 'rg-confirm-title' }, title), el('p', {}, text));
    const close = answer => { dialog.close(); dialog.remove(); resolve(answer); };
    dialog.append(el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'rg-confirm-yes', onclick: () => close(true) }, confirmLabel),
      el('button', { type: 'button', id: 'rg-confirm-no', onclick: () => close(false) }, 'Cancel')));
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}

export async function renderResponsibleGambling(main, el) {
  const { status, body } = await authorized('/api/v1/responsible-gambling');
  if (status === 401 || !token()) {
    main.replaceChildren(el('h1', {}, 'Responsible gambling'), el('p', {}, 'Sign in to set your limits.'));
    return [];
  }
  if (status !== 200) {
    main.replaceChildren(el('h1', {}, 'Responsible gambling'), el('p', { role: 'alert' }, body?.detail || 'Not available right now.'));
    return [];
  }
  const page = body;
  const currency = page.currency;
  const bounds = page.jurisdiction;
  const result = el('p', { id: 'rg-result', role: 'status' });
  // after a change the page is drawn again: the message goes to the page on screen
  const say = text => { (document.getElementById('rg-result') || result).textContent = text; };
  const refresh = () => renderResponsibleGambling(main, el);

  const exclusion = page.exclusion
    ? el('p', { class: 'banner', id: 'rg-exclusion', role: 'status' },
      page.exclusion.kind === 'time_out' ? `You are taking a break until ${when(page.exclusion.until)}.`
        : page.exclusion.until ? `You have excluded yourself until ${when(page.exclusion.until)}.`
          : 'You have excluded yourself indefinitely.',
      ' You may still withdraw your balance.')
    : null;

  const cell = (kind, period) => {
    const limit = page.limits.find(l => l.kind === kind.kind && l.period === period.period);
    const pending = limit.pending
      ? el('div', { class: 'pending', 'data-pending': '' }, limit.pending.removal
        ? `Removed from ${when(limit.pending.effectiveAt)}`
        : `${amountText(kind.kind, limit.pending.amount, currency)} from ${when(limit.pending.effectiveAt)}`)
      : null;
    return el('td', { 'data-limit': `${kind.kind}-${period.period}` },
      el('span', { class: 'amount' }, amountText(kind.kind, limit.amount, currency)),
      limit.amount !== null ? el('div', { class: 'meta' }, `used ${amountText(kind.kind, limit.used, currency)}`) : null,
      pending);
  };
  const table = el('table', { class: 'limits', id: 'rg-limits' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Limit'), PERIODS.map(p => el('th', { scope: 'col' }, p.name)))),
    el('tbody', {}, KINDS.map(kind => el('tr', {}, el('th', { scope: 'row' }, kind.name), PERIODS.map(p => cell(kind, p))))));

  const kindSelect = el('select', { id: 'rg-kind' }, KINDS.map(k => el('option', { value: k.kind }, k.name)));
  const periodSelect = el('select', { id: 'rg-period' }, PERIODS.map(p => el('option', { value: p.period }, p.name)));
  const amountInput = el('input', { id: 'rg-amount', inputmode: 'decimal', 'aria-describedby': 'rg-amount-help' });
  const help = el('p', { class: 'meta', id: 'rg-amount-help' },
    `Money in ${currency}, session time in minutes. Lowering applies at once; raising or removing waits `
    + `${bounds.coolingOffHours} hours.`);
  const setLimit = async amount => {
    const { status: code, body: answer } = await authorized(
      `/api/v1/responsible-gambling/limits/${kindSelect.value}/${periodSelect.value}`, { method: 'PUT', body: { amount } });
    if (code === 200) { await refresh(); say('Your limit applies now.'); }
    else if (code === 202) { await refresh(); say(`Your change applies from ${when(answer.effectiveAt)}.`); }
    else say(answer?.detail || 'The limit could not be set.');
  };
  const limitForm = el('form', { id: 'rg-limit-form', onsubmit: e => {
    e.preventDefault();
    const raw = amountInput.value.trim();
    const value = Number(raw.replace(',', '.'));
    if (!raw || Number.isNaN(value) || value < 0) { say('Enter an amount of 0 or more.'); return; }
    setLimit(kindSelect.value === 'session_time' ? Math.round(value) : Math.round(value * 100));
  } },
  el('label', {}, 'Limit ', kindSelect), el('label', {}, 'Period ', periodSelect),
  el('label', {}, 'Amount ', amountInput), help,
  el('button', { type: 'submit', id: 'rg-set-limit' }, 'Set limit'),
  el('button', { type: 'button', id: 'rg-remove-limit', onclick: () => setLimit(null) }, 'Remove limit'));

  const reality = bounds.realityCheck;
  const intervalInput = el('input', { id: 'rg-interval', type: 'number', min: reality.minMinutes, max: reality.maxMinutes,
    value: page.realityCheckMinutes });
  const realityForm = el('form', { id: 'rg-reality-form', onsubmit: async e => {
    e.preventDefault();
    const { status: code, body: answer } = await authorized('/api/v1/responsible-gambling/reality-check',
      { method: 'PUT', body: { intervalMinutes: Number(intervalInput.value) } });
    say(code === 200 ? `A reality check every ${answer.intervalMinutes} minutes.` : (answer?.detail || 'Not saved.'));
    if (code === 200) startRealityChecks(el);
  } },
  el('label', {}, `Every (${reality.minMinutes} to ${reality.maxMinutes} minutes) `, intervalInput),
  el('button', { type: 'submit' }, 'Save'));

  const exclude = async (path, request, title, text) => {
    if (!await confirmInDialog(el, title, text, 'Yes, I am sure')) return;
    const { status: code, body: answer } = await authorized(path, { method: 'POST', body: request });
    if (code === 201) {
      signedOut('You have been signed out. You may sign in again only to withdraw your balance.');
      location.hash = '#/';
      location.reload();
    } else say(answer?.detail || 'Not done.');
  };
  const days = el('input', { id: 'rg-days', type: 'number', min: bounds.timeOutMinDays, max: bounds.timeOutMaxDays,
    value: bounds.timeOutMinDays });
  const timeOut = el('form', { id: 'rg-time-out', onsubmit: e => {
    e.preventDefault();
    exclude('/api/v1/responsible-gambling/time-out', { days: Number(days.value) }, 'Take a break?',
      `For ${days.value} days you cannot bet or deposit on any of our brands, and you cannot undo this. `
      + 'You will be signed out now; you can still withdraw your balance.');
  } },
  el('label', {}, `Days (${bounds.timeOutMinDays} to ${bounds.timeOutMaxDays}) `, days),
  el('button', { type: 'submit' }, 'Take a break'));
  const periods = el('select', { id: 'rg-months' },
    bounds.selfExclusionMonths.map(m => el('option', { value: String(m) }, `${m} months`)),
    bounds.selfExclusionIndefinite ? el('option', { value: 'permanent' }, 'Permanently') : null);
  const selfExclusion = el('form', { id: 'rg-self-exclusion', onsubmit: e => {
    e.preventDefault();
    const permanent = periods.value === 'permanent';
    exclude('/api/v1/responsible-gambling/self-exclusion', permanent ? { permanent: true } : { months: Number(periods.value) },
      'Exclude yourself?', `${permanent ? 'Permanently' : `For ${periods.value} months`} you cannot bet or deposit on any `
      + 'of our brands, and you cannot undo this. You will be signed out now; you can still withdraw your balance.');
  } }, el('label', {}, 'Period ', periods), el('button', { type: 'submit' }, 'Exclude myself'));

  main.replaceChildren(el('h1', {}, 'Responsible gambling'), exclusion,
    el('section', { 'aria-labelledby': 'rg-limits-title' }, el('h2', { id: 'rg-limits-title' }, 'Your limits'), table, limitForm),
    result,
    el('section', { 'aria-labelledby': 'rg-reality-title' }, el('h2', { id: 'rg-reality-title' }, 'Reality checks'), realityForm),
    page.exclusion ? null : el('section', { 'aria-labelledby': 'rg-break-title' }, el('h2', { id: 'rg-break-title' }, 'Take a break'),
      timeOut),
    el('section', { 'aria-labelledby': 'rg-exclusion-title' }, el('h2', { id: 'rg-exclusion-title' }, 'Self-exclusion'),
      selfExclusion),
    el('p', { class: 'meta' }, `Rules of ${bounds.jurisdictions.join(', ')}.`
      + (bounds.nationalRegisters.length ? ` National self-exclusion: ${bounds.nationalRegisters.join(', ')}.` : '')));
  return [];
}

let realityTimer = null;

/** Shows the reality check when it is due: session time and net result, continue or stop. */
export async function startRealityChecks(el) {
  clearTimeout(realityTimer);
  if (!token()) return;
  const { status, body } = await authorized('/api/v1/responsible-gambling/reality-check');
  if (status !== 200) return;
  const wait = Math.max(1000, Date.parse(body.nextCheckAt) - Date.parse(body.now));
  realityTimer = setTimeout(() => showRealityCheck(el), wait);
}

async function showRealityCheck(el) {
  const { status, body } = await authorized('/api/v1/responsible-gambling/reality-check');
  if (status !== 200) return;
  const net = body.netWinLoss;
  const dialog = el('dialog', { class: 'reality-check', id: 'reality-check', 'aria-labelledby': 'reality-check-title' },
    el('h2', { id: 'reality-check-title' }, 'Reality check'),
    el('p', { id: 'reality-check-text' }, `You have played for ${body.minutesPlayed} minutes this session. `
      + `Net result: ${net >= 0 ? 'won' : 'lost'} ${money(Math.abs(net), body.currency)}.`));
  const close = () => { dialog.close(); dialog.remove(); };
  dialog.append(el('div', { class: 'actions' },
    el('button', { type: 'button', id: 'reality-continue', onclick: () => { close(); startRealityChecks(el); } }, 'Continue'),
    el('button', { type: 'button', id: 'reality-stop', onclick: async () => {
      close();
      await authorized('/api/v1/players/me/logout', { method: 'POST' });
      signedOut('You have signed out.');
      location.hash = '#/';
      location.reload();
    } }, 'Stop and sign out')));
  dialog.addEventListener('cancel', e => e.preventDefault());
  document.body.append(dialog);
  dialog.showModal();
}
