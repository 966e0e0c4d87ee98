// The player skin: sports navigation, live and upcoming lists, event pages with market groups, and prices that
// update live over server-sent events (a snapshot on every (re)connect, then deltas). No framework, no build step.

import * as auth from './auth.js';
import * as betslip from './betslip.js';
import { renderBets } from './bets.js';
import { renderResponsibleGambling, startRealityChecks } from './responsible.js';
import { el } from './dom.js';
import { applyTheme } from './theme.js';

const main = document.getElementById('main');
const sportsList = document.getElementById('sports-list');
const formatSelect = document.getElementById('odds-format');
const announcer = document.getElementById('announcer');
let stream = null;
let brandFormat = 'decimal';

const GROUP_NAMES = { main: 'Main', goals: 'Goals', halves: 'Halves', corners: 'Corners', cards: 'Cards',
  players: 'Players', specials: 'Specials' };

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function format() {
  return localStorage.getItem('oddsFormat') || brandFormat;
}

function withFormat(path) {
  return path + (path.includes('?') ? '&' : '?') + 'format=' + encodeURIComponent(format());
}

async function dressInBrand() {
  try {
    const brand = await api('/api/v1/brand');
    const theme = brand.theme || {};
    applyTheme(theme);
    if (theme.oddsFormat) brandFormat = theme.oddsFormat;
    window.brandCurrency = brand.defaultCurrency;
    auth.configure(brand.signIn);
    const logo = document.getElementById('logo');
    const logoText = theme.logo?.text || brand.name;
    if (theme.logo?.imageUrl && theme.logo.imageUrl.startsWith('/api/v1/brand/logo')) {
      const image = el('img', { src: theme.logo.imageUrl, alt: theme.logo?.altText || brand.name, class: 'logo-image' });
      logo.replaceChildren(image);
    } else {
      logo.textContent = logoText;
    }
    logo.setAttribute('aria-label', (theme.logo?.altText || brand.name) + ' home');
    document.title = brand.name;
  } catch (e) {
    console.warn('brand not loaded', e);
  }
  formatSelect.value = format();
}

async function renderSports(current) {
  const sports = await api('/api/v1/sports');
  sportsList.replaceChildren(
    el('li', {}, el('a', { href: '#/', 'aria-current': current ? null : 'page' }, 'Live and upcoming')),
    ...sports.map(sport => el('li', {}, el('a', { href: `#/sport/${sport.key}`, 'aria-current': current === sport.key ? 'page' : null },
      el('span', {}, sport.name), el('span', { class: 'count', 'aria-label': `${sport.events} events, ${sport.live} live` },
        `${sport.events}`)))));
}

function priceButton(selection, marketStatus, label) {
  const open = marketStatus === 'open';
  return el('button', { type: 'button', class: 'price', 'data-selection': selection.id, 'data-decimal': selection.price.decimal,
      'aria-pressed': 'false', disabled: !open,
      'aria-label': `${label}: ${selection.name} at ${selection.price.display}${open ? '' : ', suspended'}` },
    el('span', { class: 'label' }, selection.name), el('span', { class: 'odds' }, selection.price.display));
}

function scoreText(event) {
  return event.score ? `${event.score.home}–${event.score.away}` : '';
}

function eventRow(event) {
  const market = event.mainMarket;
  const when = new Date(event.startsAt);
  return el('li', { class: 'event', 'data-event': event.id, 'data-status': event.status },
    el('div', {},
      el('a', { class: 'event-name', href: `#/event/${event.id}` }, event.name),
      el('div', { class: 'meta' },
        el('span', { class: 'live-badge', hidden: event.status !== 'live' }, 'LIVE'),
        `${event.competition.name} · `, el('time', { datetime: event.startsAt }, when.toLocaleString()),
        el('span', { class: 'score', 'data-score': '' }, scoreText(event)))),
    market
      ? el('div', { class: 'prices', role: 'group', 'aria-label': `${event.name} prices`, 'data-market': market.id,
          'data-status': market.status },
        market.selections.map(s => priceButton(s, market.status, event.name)))
      : el('div', { class: 'meta' }, 'No prices yet'));
}

function eventList(title, events, emptyText) {
  return el('section', { 'aria-labelledby': title.replace(/\W/g, '') },
    el('h2', { id: title.replace(/\W/g, '') }, title),
    events.length ? el('ul', { class: 'events' }, events.map(eventRow)) : el('p', { class: 'empty' }, emptyText));
}

async function renderHome() {
  const [live, upcoming] = await Promise.all([api(withFormat('/api/v1/events/live?limit=30')),
    api(withFormat('/api/v1/events?limit=30'))]);
  const upcomingOnly = upcoming.items.filter(e => e.status !== 'live');
  main.replaceChildren(el('h1', {}, 'Live and upcoming'),
    eventList('Live now', live.items, 'Nothing is in play right now.'),
    eventList('Upcoming', upcomingOnly, 'No upcoming events.'));
  return [...live.items, ...upcomingOnly].map(e => e.id);
}

async function renderSport(key) {
  const page = await api(withFormat(`/api/v1/events?sport=${encodeURIComponent(key)}&limit=50`));
  const live = page.items.filter(e => e.status === 'live');
  const upcoming = page.items.filter(e => e.status !== 'live');
  const name = key.charAt(0).toUpperCase() + key.slice(1);
  main.replaceChildren(el('h1', {}, name), eventList('Live now', live, `No ${name.toLowerCase()} in play.`),
    eventList('Upcoming', upcoming, `No upcoming ${name.toLowerCase()} events.`));
  return page.items.map(e => e.id);
}

function marketSection(market, eventName) {
  return el('section', { class: 'market', 'data-market': market.id, 'data-status': market.status, 'aria-label': market.name },
    el('h3', {}, el('span', {}, market.name),
      el('span', { class: 'suspended-note', hidden: market.status === 'open' }, market.status === 'open' ? '' : 'Suspended')),
    el('div', { class: 'prices', role: 'group', 'aria-label': `${market.name} prices` },
      market.selections.map(s => priceButton(s, market.status, `${eventName}, ${market.name}`))));
}

async function renderEvent(id) {
  const event = await api(withFormat(`/api/v1/events/${encodeURIComponent(id)}`));
  const groups = event.groups;
  const tabs = el('div', { role: 'tablist', 'aria-label': 'Market groups' });
  const panels = [];
  groups.forEach((group, index) => {
    const tab = el('button', { role: 'tab', type: 'button', id: `tab-${group.group}`, 'aria-controls': `panel-${group.group}`,
      'aria-selected': index === 0 ? 'true' : 'false', tabindex: index === 0 ? '0' : '-1' }, GROUP_NAMES[group.group] || group.group);
    const panel = el('div', { role: 'tabpanel', id: `panel-${group.group}`, 'aria-labelledby': `tab-${group.group}`,
      hidden: index !== 0, tabindex: '0' }, group.markets.map(m => marketSection(m, event.name)));
    tabs.append(tab);
    panels.push(panel);
  });
  tabs.addEventListener('click', e => { const tab = e.target.closest('[role=tab]'); if (tab) selectTab(tabs, tab); });
  tabs.addEventListener('keydown', e => {
    const all = [...tabs.querySelectorAll('[role=tab]')];
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = all[(next + all.length) % all.length];
    selectTab(tabs, target);
    target.focus();
  });
  main.replaceChildren(
    el('article', { 'data-event': event.id, 'data-status': event.status },
      el('h1', {}, event.name, el('span', { class: 'score', 'data-score': '' }, scoreText(event))),
      el('p', { class: 'meta' }, el('span', { class: 'live-badge', hidden: event.status !== 'live' }, 'LIVE'),
        `${event.competition.name} · `, el('time', { datetime: event.startsAt }, new Date(event.startsAt).toLocaleString()),
        el('span', { 'data-status-text': '' }, ` · ${event.status}`)),
      groups.length ? tabs : el('p', { class: 'empty' }, 'No markets are open on this event.'),
      ...panels));
  return [event.id];
}

function selectTab(tabs, tab) {
  for (const other of tabs.querySelectorAll('[role=tab]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', selected ? 'true' : 'false');
    other.tabIndex = selected ? 0 : -1;
    document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
  }
}

function applyChange(change, marked) {
  betslip.applyChange(change);
  if (change.type === 'event') {
    for (const node of document.querySelectorAll(`[data-event="${change.eventId}"]`)) {
      node.dataset.status = change.status;
      const badge = node.querySelector('.live-badge');
      if (badge) badge.hidden = change.status !== 'live';
      const score = node.querySelector('[data-score]');
      if (score && change.score) score.textContent = `${change.score.home}–${change.score.away}`;
      const text = node.querySelector('[data-status-text]');
      if (text) text.textContent = ` · ${change.status}`;
    }
    return;
  }
  for (const market of document.querySelectorAll(`[data-market="${change.marketId}"]`)) {
    const wasOpen = market.dataset.status === 'open';
    market.dataset.status = change.status;
    const open = change.status === 'open';
    for (const button of market.querySelectorAll('.price')) button.disabled = !open;
    const note = market.querySelector('.suspended-note');
    if (note) { note.hidden = open; note.textContent = open ? '' : (change.status === 'suspended' ? 'Suspended' : change.status); }
    if (marked && wasOpen !== open && market.getAttribute('aria-label')) {
      announcer.textContent = `${market.getAttribute('aria-label')} ${open ? 'open again' : change.status}`;
    }
  }
  for (const move of change.prices || []) {
    for (const button of document.querySelectorAll(`[data-selection="${move.selectionId}"]`)) {
      // a withdrawn selection (a score no longer possible, a scorer who scored) leaves the page
      button.hidden = !move.price;
      if (!move.price) continue;
      button.querySelector('.odds').textContent = move.price.display;
      button.dataset.decimal = move.price.decimal;
      const label = button.getAttribute('aria-label') || '';
      button.setAttribute('aria-label', label.replace(/ at [^,]+/, ` at ${move.price.display}`));
      button.classList.remove('up', 'down');
      if (marked && move.direction) {
        button.classList.add(move.direction);
        clearTimeout(button._mark);
        button._mark = setTimeout(() => button.classList.remove('up', 'down'), 5000);
      }
    }
  }
}

function subscribe(eventIds) {
  if (stream) stream.close();
  stream = null;
  if (!eventIds.length) return;
  const url = `/api/v1/live?events=${eventIds.slice(0, 200).join(',')}&format=${encodeURIComponent(format())}`;
  stream = new EventSource(url);
  stream.addEventListener('snapshot', e => {
    for (const change of JSON.parse(e.data).changes) applyChange(change, false);
    document.body.dataset.live = 'connected';
  });
  stream.addEventListener('change', e => applyChange(JSON.parse(e.data), true));
  stream.onerror = () => { document.body.dataset.live = 'reconnecting'; };
}

async function route() {
  const hash = location.hash || '#/';
  const [, kind, id] = hash.split('/');
  main.setAttribute('aria-busy', 'true');
  try {
    await renderSports(kind === 'sport' ? id : null);
    const ids = kind === 'event' ? await renderEvent(id) : kind === 'sport' ? await renderSport(id)
      : kind === 'bets' ? await renderBets(main, el)
        : kind === 'responsible-gambling' ? await renderResponsibleGambling(main, el) : await renderHome();
    subscribe(ids);
  } catch (e) {
    main.replaceChildren(el('h1', {}, 'Something went wrong'), el('p', {}, 'Please try again in a moment.'));
    console.error(e);
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

async function showAccount() {
  const signedIn = Boolean(auth.token());
  document.getElementById('sign-in').hidden = signedIn;
  document.getElementById('my-bets').hidden = !signedIn;
  document.getElementById('responsible-gambling').hidden = !signedIn;
  const balance = document.getElementById('balance');
  if (!signedIn) { balance.textContent = ''; return; }
  const { status, body } = await auth.authorized('/api/v1/wallet/balances');
  if (status === 200 && body.balances.length) {
    const account = body.balances[0];
    balance.textContent = `Balance ${(account.withdrawable / 100).toFixed(2)} ${account.currency}`;
  }
}

formatSelect.addEventListener('change', () => { localStorage.setItem('oddsFormat', formatSelect.value); route(); });
window.addEventListener('hashchange', () => { route().then(() => main.focus()); });
document.getElementById('sign-in').addEventListener('click', () => auth.start());
betslip.init(() => showAccount());
await dressInBrand();
try {
  await auth.complete();
} catch (e) {
  console.error(e);
}
await showAccount();
await route();
startRealityChecks(el);
