// The platform console for platform staff (platform-admin, platform-support) on the platform host: tenants with their
// health and schema version, suspend and resume, the schema upgrade across all tenants, feature flag rollouts and the
// platform audit. Signs in on the platform realm's console client (code + PKCE; staff answer Keycloak's OTP prompt).
// Hash routes; no framework, no build step; every text is set as text.
import { AccessRefused, call } from '/shared/api.js';
import { renderAudit } from './audit.js';
import { el } from '/shared/dom.js';
import { renderFlag, renderFlags } from './flags.js';
import { renderMigrations } from './migrations.js';
import * as notice from './notice.js';
import * as signin from '/shared/signin.js';
import { renderTenants } from './tenants.js';

const STAFF = ['platform-admin', 'platform-support'];
const main = document.getElementById('main');
const nav = document.getElementById('console-nav');
let timer = null;

function showSignIn(reason) {
  nav.hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('account-name').textContent = '';
  main.replaceChildren(el('h1', {}, 'Platform console'),
    reason ? el('p', { role: 'alert' }, reason) : null,
    el('p', {}, 'For platform staff. Sign in with your platform account: your password, then the code from your authenticator app.'),
    el('button', { type: 'button', id: 'sign-in', onclick: () => signin.start(location.hash || '#/tenants') }, 'Sign in'));
}

function showNotAllowed() {
  nav.hidden = true;
  main.replaceChildren(el('h1', {}, 'Not allowed'),
    el('p', { id: 'not-allowed', role: 'alert' },
      'This account is not allowed to use the platform console. Sign out and sign in as platform staff.'));
}

function showAccount() {
  const claims = signin.claims();
  document.getElementById('account-name').textContent = claims ? (claims.preferred_username || claims.email || '') : '';
  document.getElementById('sign-out').hidden = !claims;
}

/** Runs {@code work} every {@code millis} while this page stays shown (a new route stops it). */
function every(millis, work) {
  stopTimer();
  const route = location.hash;
  timer = setInterval(() => {
    if (location.hash !== route || document.hidden) return;
    work().catch(e => console.warn(e));
  }, millis);
}

function stopTimer() {
  if (timer) clearInterval(timer);
  timer = null;
}

function currentRoute() {
  const [path, query] = (location.hash || '#/tenants').slice(1).split('?');
  const [, page, id] = path.split('/');
  return { page: page || 'tenants', id: id ? decodeURIComponent(id) : null, query: new URLSearchParams(query || '') };
}

async function route() {
  stopTimer();
  showAccount();
  if (!signin.token()) return showSignIn();
  const roles = signin.roles();
  if (!STAFF.some(role => roles.includes(role))) return showNotAllowed();
  nav.hidden = false;
  const { page, id, query } = currentRoute();
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const context = { admin: roles.includes('platform-admin'), query, every, redraw: route };
  main.setAttribute('aria-busy', 'true');
  try {
    if (page === 'migrations') await renderMigrations(main, context);
    else if (page === 'flags' && id) await renderFlag(main, id, context);
    else if (page === 'flags') await renderFlags(main, context);
    else if (page === 'audit') await renderAudit(main, context);
    else await renderTenants(main, context);
  } catch (e) {
    if (e instanceof AccessRefused) {
      if (e.status === 401) { signin.forget(); showAccount(); showSignIn('Your sign-in has ended. Sign in again.'); } else showNotAllowed();
      return;
    }
    console.error(e);
    main.replaceChildren(el('h1', {}, 'Something went wrong'),
      el('p', { role: 'alert' }, e?.message || 'The page could not be loaded. Try again in a moment.'));
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

async function start() {
  document.getElementById('sign-out').addEventListener('click', () => signin.signOut());
  const config = (await call('/api/v1/signups/portal')).body || {};
  // the console's own keys: the operator portal on the same host keeps its own sign-in
  signin.configure({ issuer: config.issuer, clientId: config.consoleClientId || 'console', home: '/console/',
    storage: 'console.', landing: '#/tenants' });
  try { await signin.complete(); } catch (e) { console.warn(e); showSignIn('The sign-in did not complete. Try again.'); return; }
  window.addEventListener('hashchange', () => { notice.clear(); route(); });
  await route();
  main.focus();
}

start();
