// The player's bets: open and settled, with the cash-out offer and button on running bets.
import { authorized } from './auth.js';
import { featureOn, loadFeatures } from './features.js';

function money(minor) {
  return (minor / 100).toFixed(2);
}

export async function renderBets(main, el) {
  const [open, settled] = await Promise.all([authorized('/api/v1/bets?status=open&limit=50'),
    authorized('/api/v1/bets?status=settled&limit=50'), loadFeatures()]);
  // the cash-out flag is off for this brand: no button, no offers asked for
  const cashOutOffered = featureOn('cash-out');
  if (open.status === 401) {
    main.replaceChildren(el('h1', {}, 'My bets'), el('p', {}, 'Sign in to see your bets.'));
    return [];
  }
  // settled bets show what they returned and how each leg resolved (a void leg with its reason)
  const leg = l => l.outcome
    ? `${l.selection} (${l.outcome.replaceAll('_', ' ')}${l.voidReason ? ': ' + l.voidReason.replaceAll('_', ' ') : ''})`
    : l.selection;
  const returns = bet => bet.settledReturn !== null && bet.settledReturn !== undefined
    ? `returned ${money(bet.settledReturn)}` : `returns ${money(bet.potentialReturn)}`;
  const item = bet => el('li', { class: 'bet', 'data-bet': bet.id, 'data-status': bet.status },
    el('div', {}, el('strong', {}, `${bet.type} · ${bet.legs.map(leg).join(', ')}`)),
    el('div', { class: 'meta' }, `Stake ${money(bet.totalStake)} · ${returns(bet)} · `,
      el('span', { class: 'bet-status' }, bet.status.replaceAll('_', ' '))),
    cashOutOffered && ['accepted', 'open', 'partially_cashed_out'].includes(bet.status)
      ? el('button', { type: 'button', class: 'cash-out', 'data-bet': bet.id, onclick: () => cashOut(bet.id, main, el) }, 'Cash out')
      : null);
  main.replaceChildren(el('h1', {}, 'My bets'),
    el('section', { 'aria-labelledby': 'open-bets' }, el('h2', { id: 'open-bets' }, 'Open'),
      open.body.items.length ? el('ul', { class: 'bets' }, open.body.items.map(item)) : el('p', { class: 'empty' }, 'No open bets.')),
    el('section', { 'aria-labelledby': 'settled-bets' }, el('h2', { id: 'settled-bets' }, 'Settled'),
      settled.body.items.length ? el('ul', { class: 'bets' }, settled.body.items.map(item)) : el('p', { class: 'empty' }, 'No settled bets yet.')));
  for (const bet of cashOutOffered ? open.body.items : []) {
    const { status, body } = await authorized(`/api/v1/bets/${bet.id}/cash-out`);
    const button = main.querySelector(`.cash-out[data-bet="${bet.id}"]`);
    if (!button) continue;
    if (status === 200 && body.available) {
      button.textContent = `Cash out ${money(body.offer)}`;
      button.dataset.offer = body.offer;
    } else {
      button.disabled = true;
      button.textContent = 'Cash-out unavailable';
    }
  }
  return [];
}

async function cashOut(id, main, el) {
  const button = main.querySelector(`.cash-out[data-bet="${id}"]`);
  const { status, body } = await authorized(`/api/v1/bets/${id}/cash-out`, { method: 'POST',
    body: { fraction: '1', expectedOffer: Number(button.dataset.offer || 0) }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  const note = document.getElementById('announcer');
  note.textContent = status === 201 ? `Cashed out for ${money(body.cashOut.payout)}.` : (body?.detail || 'Cash-out failed.');
  await renderBets(main, el);
}
