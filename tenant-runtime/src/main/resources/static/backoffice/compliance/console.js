// The compliance console on the brand's host: dressed in the brand's theme, signed in on the tenant realm's
// back-office client (code + PKCE, staff with OTP), one page per queue. Pages draw themselves; this file signs in,
// routes, and shows "not allowed" to an account the API refuses.
import * as auth from '/skin/auth.js';
import { el } from '/skin/dom.js';
import { applyTheme } from '/skin/theme.js';
import { AccessRefused } from './api.js';
import { renderAml } from './aml.js';
import { renderExports } from './exports.js';
import { renderKyc } from './kyc.js';
import { renderRules } from './rules.js';
import { renderScreening } from './screening.js';

const PAGES = { rules: renderRules, kyc: renderKyc, aml: renderAml, screening: renderScreening, exports: renderExports };
const HOME = '/backoffice/compliance/';
const main = document.getElementById('main');
const nav = document.getElementById('console-nav');

async function dressInBrand() {
  const response = await fetch('/api/v1/brand', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error('brand not loaded: ' + response.status);
  const brand = await response.json();
  applyTheme(brand.theme);
  auth.configure(brand.signIn, { clientId: 'backoffice', redirectPath: HOME });
  document.getElementById('logo').textContent = `${brand.name} · Compliance`;
  document.title = `Compliance console · ${brand.name}`;
}

function showSignIn(reason) {
  nav.hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('account-name').textContent = '';
  main.replaceChildren(el('h1', {}, 'Compliance console'),
    reason ? el('p', { role: 'alert' }, reason) : null,
    el('p', {}, 'Sign in with your staff account: your password, then the code from your authenticator app.'),
    el('button', { type: 'button', id: 'sign-in', class: 'primary', onclick: () => auth.start() }, 'Sign in'));
}

function showNotAllowed() {
  nav.hidden = true;
  main.replaceChildren(el('h1', {}, 'Not allowed'),
    el('p', { id: 'not-allowed', role: 'alert' },
      'This account is not allowed to use the compliance console. Sign out and sign in as a compliance officer.'));
}

/** "#/kyc/<id>?state=pending": the page, the item it shows, and its filters. */
function currentRoute() {
  const [path, query] = (location.hash || '#/rules').slice(1).split('?');
  const [, page, id] = path.split('/');
  return { page: PAGES[page] ? page : 'rules', id: id ? decodeURIComponent(id) : null, query: new URLSearchParams(query || '') };
}

/** Draws the page the address names; {@code notice} is the result of the action that led here. */
async function show(notice) {
  const { page, id, query } = currentRoute();
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.setAttribute('aria-busy', 'true');
  try {
    await PAGES[page](main, { id, query, notice, redraw: show });
  } catch (e) {
    if (e instanceof AccessRefused) {
      if (e.status === 401) { auth.forget(); showSignIn('Your sign-in has ended. Sign in again.'); } else showNotAllowed();
      return;
    }
    console.error(e);
    main.replaceChildren(el('h1', {}, 'Something went wrong'),
      el('p', { role: 'alert' }, e.problem?.detail || 'The page could not be loaded. Try again in a moment.'));
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

async function start() {
  try {
    await dressInBrand();
    await auth.complete();
  } catch (e) {
    console.error(e);
    showSignIn('Sign-in did not complete. Try again.');
    return;
  }
  if (!auth.token()) { showSignIn(); return; }
  document.getElementById('account-name').textContent = `Signed in as ${auth.accountName() || 'staff'}`;
  const signOut = document.getElementById('sign-out');
  signOut.hidden = false;
  signOut.addEventListener('click', () => auth.signOut());
  nav.hidden = false;
  window.addEventListener('hashchange', () => show().then(() => main.focus()));
  await show();
}

start();
