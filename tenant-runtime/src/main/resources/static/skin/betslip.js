// The betslip: selections picked from price buttons, the bet type, the stake per line, the quote (potential return
// and maximum stake), placement with an Idempotency-Key, and the price-change banner with "accept new price".
import { authorized, token } from './auth.js';
import { featureOn, loadFeatures } from './features.js';

const legs = new Map();
let onPlaced = () => {};
let pendingKey = null;
const $ = id => document.getElementById(id);

const SYSTEMS = { 3: ['trixie', 'patent'], 4: ['yankee', 'lucky15'], 5: ['super_yankee', 'lucky31'], 6: ['heinz', 'lucky63'],
  7: ['super_heinz'], 8: ['goliath'] };

export function init(placed) {
  onPlaced = placed;
  loadFeatures().then(() => { if (legs.size) render(false); });
  document.addEventListener('click', event => {
    const button = event.target.closest('.price');
    if (button && !button.disabled) toggle(button);
    const remove = event.target.closest('.slip-leg .remove');
    if (remove) { legs.delete(remove.dataset.selection); render(); }
  });
  $('slip-type').addEventListener('change', quote);
  $('slip-stake').addEventListener('input', () => { clearTimeout(window.slipTimer); window.slipTimer = setTimeout(quote, 250); });
  $('slip-place').addEventListener('click', () => place(false));
  $('slip-accept').addEventListener('click', () => place(true));
}

function toggle(button) {
  const id = button.dataset.selection;
  if (legs.has(id)) legs.delete(id);
  else legs.set(id, { id, name: button.querySelector('.label').textContent, price: button.dataset.decimal,
    event: button.closest('[data-event]')?.querySelector('h1, .event-name')?.textContent || '', suspended: false });
  pendingKey = null;
  $('slip-result').textContent = '';
  render();
}

/** A live change from the push: keeps slip prices and suspensions current. */
export function applyChange(change) {
  if (change.type !== 'market') return;
  const market = document.querySelector(`[data-market="${change.marketId}"]`);
  for (const move of change.prices || []) {
    const leg = legs.get(move.selectionId);
    if (leg && move.price) leg.current = move.price.decimal;
  }
  for (const leg of legs.values()) {
    const button = document.querySelector(`[data-selection="${leg.id}"]`);
    if (button && market && market.contains(button)) leg.suspended = change.status !== 'open';
  }
  render(false);
}

function markPressed() {
  for (const button of document.querySelectorAll('.price')) {
    button.setAttribute('aria-pressed', legs.has(button.dataset.selection) ? 'true' : 'false');
  }
}

function types() {
  const n = legs.size;
  if (n <= 1) return ['single'];
  const list = ['multiple'];
  // system bets (k/n and the named systems) only where the brand's system-bets flag is on
  if (!featureOn('system-bets')) return list;
  for (let k = 1; k < n; k++) list.push(`${k}/${n}`);
  return list.concat(SYSTEMS[n] || []);
}

function render(requote = true) {
  markPressed();
  const list = $('slip-legs');
  list.replaceChildren(...[...legs.values()].map(leg => {
    const li = document.createElement('li');
    li.className = 'slip-leg' + (leg.suspended ? ' suspended' : '');
    li.dataset.selection = leg.id;
    const name = document.createElement('span');
    name.textContent = `${leg.name}${leg.event ? ' · ' + leg.event : ''}${leg.suspended ? ' (suspended)' : ''}`;
    const price = document.createElement('strong');
    price.textContent = leg.current && leg.current !== leg.price ? `${leg.price} → ${leg.current}` : leg.price;
    const remove = document.createElement('button');
    remove.type = 'button'; remove.className = 'remove'; remove.dataset.selection = leg.id;
    remove.setAttribute('aria-label', `Remove ${leg.name}`); remove.textContent = '×';
    li.append(name, price, remove);
    return li;
  }));
  $('slip-empty').hidden = legs.size > 0;
  $('slip-controls').hidden = legs.size === 0;
  const select = $('slip-type');
  const previous = select.value;
  select.replaceChildren(...types().map(type => { const o = document.createElement('option'); o.value = type; o.textContent = type; return o; }));
  if (types().includes(previous)) select.value = previous;
  $('slip-place').disabled = [...legs.values()].some(leg => leg.suspended) || !token();
  $('slip-place').textContent = token() ? 'Place bet' : 'Sign in to bet';
  if (requote) quote();
}

function minor() {
  const value = $('slip-stake').value.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  return Math.round(Number(value) * 100);
}

function slip(stake, policy) {
  return { type: $('slip-type').value, stake: { amount: stake, currency: window.brandCurrency || 'EUR' }, oddsPolicy: policy,
    selections: [...legs.values()].map(leg => ({ selectionId: leg.id, price: leg.price })) };
}

async function quote() {
  if (!legs.size || !token()) { $('slip-return').textContent = ''; return; }
  const stake = minor();
  if (stake === null) { $('slip-return').textContent = 'Enter a stake like 5.00'; return; }
  const { status, body } = await authorized('/api/v1/bets/quote', { method: 'POST', body: slip(stake, 'none') });
  if (status === 200) {
    $('slip-return').textContent = `Potential return ${(body.potentialReturn / 100).toFixed(2)} · total stake ${(body.totalStake / 100).toFixed(2)}`;
    $('slip-limits').textContent = `Stake per line ${(body.minStake / 100).toFixed(2)} to ${(body.maxStake / 100).toFixed(2)}`;
  } else {
    $('slip-return').textContent = body?.detail || 'This betslip cannot be placed.';
  }
}

async function place(acceptNewPrice) {
  const stake = minor();
  if (stake === null) { $('slip-result').textContent = 'Enter a stake like 5.00'; return; }
  if (acceptNewPrice) {
    for (const leg of legs.values()) if (leg.current) leg.price = leg.current;
  }
  pendingKey = pendingKey || crypto.randomUUID();
  const { status, body } = await authorized('/api/v1/bets', { method: 'POST', body: slip(stake, 'none'),
    headers: { 'Idempotency-Key': pendingKey } });
  if (status === 201 || status === 202) {
    $('slip-banner').hidden = true;
    $('slip-result').textContent = status === 201 ? `Bet placed: return ${(body.potentialReturn / 100).toFixed(2)} if it wins.`
      : 'Bet placed: in-play bets are confirmed after a short delay.';
    legs.clear();
    pendingKey = null;
    render(false);
    onPlaced(body);
    return;
  }
  pendingKey = null;
  if (status === 409 && body?.code === 'price_changed') {
    for (const [id, price] of Object.entries(body.prices || {})) {
      const leg = legs.get(id);
      if (leg) leg.current = price;
    }
    $('slip-banner-text').textContent = 'A price changed since you picked it.';
    $('slip-banner').hidden = false;
    render(false);
    return;
  }
  $('slip-result').textContent = body?.detail || `The bet was not placed (${status}).`;
}
