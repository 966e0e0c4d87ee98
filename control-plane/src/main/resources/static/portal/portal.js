// The operator portal: sign up, confirm the address, sign in, create brands with the wizard and follow their
// provisioning. Hash routes; no framework, no build step.
import { call } from '/shared/api.js';
import { el } from '/shared/dom.js';
import * as signin from '/shared/signin.js';
import { renderSignup, renderVerification } from './signup.js';
import { renderTenant } from './tenant.js';
import { renderWizard } from './wizard.js';

const main = document.getElementById('main');
const account = document.getElementById('account');
let portalConfig = null;

function renderAccount() {
  const claims = signin.claims();
  if (claims) {
    const out = el('button', { type: 'button', class: 'secondary', id: 'sign-out' }, 'Sign out');
    out.addEventListener('click', () => { signin.forget(); location.hash = '#/'; route(); });
    account.replaceChildren(el('span', { id: 'signed-in-as' }, claims.email || claims.preferred_username), out);
  } else {
    account.replaceChildren(el('a', { href: '#/signin', id: 'nav-signin' }, 'Sign in'), el('a', { href: '#/signup', id: 'nav-signup' }, 'Sign up'));
  }
}

async function renderHome() {
  if (!signin.token()) {
    main.replaceChildren(el('section', { class: 'card' }, el('h1', {}, 'Run your sportsbook brands on our platform'),
      el('p', {}, 'Open an operator account, create a brand in a few minutes, and it goes live on its own addresses.'),
      el('div', { class: 'actions' }, el('a', { class: 'button', href: '#/signup' }, 'Sign up'),
        el('a', { class: 'button', href: '#/signin', style: 'background:#fff;color:var(--accent)' }, 'Sign in'))));
    return;
  }
  const tenants = await call('/api/v1/tenants');
  main.replaceChildren(el('h1', {}, 'Your tenants'),
    el('table', { id: 'tenant-list' }, el('thead', {}, el('tr', {}, el('th', {}, 'Tenant'), el('th', {}, 'Brand'), el('th', {}, 'Status'))),
      el('tbody', {}, (tenants.body || []).map(tenant => el('tr', {},
        el('td', {}, el('a', { href: `#/tenants/${encodeURIComponent(tenant.slug)}` }, tenant.slug)),
        el('td', {}, (tenant.brands || []).map(brand => brand.name).join(', ')), el('td', {}, tenant.status))))),
    el('div', { class: 'actions' }, el('a', { class: 'button', href: '#/new', id: 'new-brand' }, 'Create a brand')));
}

async function route() {
  renderAccount();
  const hash = location.hash || '#/';
  const [path, query] = hash.slice(1).split('?');
  const params = new URLSearchParams(query || '');
  if (path === '/signup') return renderSignup(main, portalConfig);
  if (path === '/verify') return renderVerification(main, params.get('token'));
  if (path === '/signin') { signin.start('#/'); return; }
  if (!signin.token() && path !== '/') { signin.start(hash); return; }
  if (path === '/new') return renderWizard(main, (slug, problems) => {
    history.pushState(null, '', `#/tenants/${encodeURIComponent(slug)}`);
    renderTenant(main, slug, problems);
  });
  const tenant = path.match(/^\/tenants\/([^/]+)$/);
  if (tenant) return renderTenant(main, decodeURIComponent(tenant[1]));
  return renderHome();
}

async function start() {
  portalConfig = (await call('/api/v1/signups/portal')).body;
  signin.configure({ issuer: portalConfig.issuer, clientId: portalConfig.portalClientId, home: '/portal/',
    storage: 'portal.' });
  try { await signin.complete(); } catch (e) { console.warn(e); }
  window.addEventListener('hashchange', route);
  await route();
  main.focus();
}

start();
