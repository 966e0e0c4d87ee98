// The platform audit: who did what, when, on which tenant; filtered by tenant, action and period, newest first,
// a page at a time (the cursor of each page is kept, so "Newer" goes back).
import { read } from '/shared/api.js';
import { el, when } from '/shared/dom.js';

const ACTIONS = ['tenant.*', 'tenant.created', 'tenant.provisioning_retried', 'tenant.activated', 'tenant.provisioning_failed',
  'tenant.suspended', 'tenant.resumed', 'tenant.offboarded', 'brand.*', 'brand.edited', 'brand.logo_uploaded',
  'credentials.stored', 'operator.signup_verified', 'flag.*', 'schemas.upgrade_started'];

function detailText(detail) {
  return Object.entries(detail || {}).map(([name, value]) =>
    `${name}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`).join('\n');
}

export async function renderAudit(main, context) {
  const filters = Object.fromEntries(['tenant', 'action', 'from', 'to', 'cursor'].map(name => [name, context.query.get(name) || '']));
  const trail = (context.query.get('trail') || '').split(',').filter(Boolean);
  const params = new URLSearchParams({ limit: '25' });
  for (const name of ['tenant', 'action', 'from', 'to', 'cursor']) if (filters[name]) params.set(name, filters[name]);
  const response = await read(`/api/v1/audit?${params}`);

  const go = (changes, newTrail) => {
    const next = new URLSearchParams();
    const merged = { ...filters, ...changes };
    for (const name of ['tenant', 'action', 'from', 'to', 'cursor']) if (merged[name]) next.set(name, merged[name]);
    if (newTrail.length) next.set('trail', newTrail.join(','));
    location.hash = `#/audit?${next}`;
  };

  const form = el('form', { class: 'card', id: 'audit-filters', onsubmit: event => {
    event.preventDefault();
    go({ tenant: form.querySelector('#audit-tenant').value.trim(), action: form.querySelector('#audit-action').value,
      from: form.querySelector('#audit-from').value, to: form.querySelector('#audit-to').value, cursor: '' }, []);
  } }, el('div', { class: 'row' },
    el('div', {}, el('label', { for: 'audit-tenant' }, 'Tenant'), el('input', { type: 'text', id: 'audit-tenant', value: filters.tenant, placeholder: 'any' })),
    el('div', {}, el('label', { for: 'audit-action' }, 'Action'), el('select', { id: 'audit-action' },
      el('option', { value: '' }, 'any'), ACTIONS.map(action => el('option', { value: action, selected: action === filters.action }, action)))),
    el('div', {}, el('label', { for: 'audit-from' }, 'From (UTC day)'), el('input', { type: 'date', id: 'audit-from', value: filters.from })),
    el('div', {}, el('label', { for: 'audit-to' }, 'To (UTC day, inclusive)'), el('input', { type: 'date', id: 'audit-to', value: filters.to })),
    el('div', {}, el('button', { type: 'submit', id: 'audit-apply' }, 'Show'))));

  if (!response.ok) {
    const problem = response.body || {};
    main.replaceChildren(el('h1', {}, 'Platform audit'), form, el('div', { class: 'problem', role: 'alert', id: 'audit-problem' },
      problem.detail || 'The audit could not be read.',
      el('ul', {}, (problem.errors || []).map(error => el('li', {}, `${error.field}: ${error.message}`)))));
    return;
  }
  const items = response.body.items || [];
  const nextCursor = response.body.nextCursor;
  // the cursors of the pages before this one ('-' is the first page), so "Newer" goes back the way it came
  const pager = el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'secondary', id: 'audit-newer', disabled: trail.length === 0,
      onclick: () => {
        const previous = trail[trail.length - 1];
        go({ cursor: previous === '-' ? '' : previous }, trail.slice(0, -1));
      } }, '← Newer'),
    el('button', { type: 'button', class: 'secondary', id: 'audit-older', disabled: !nextCursor,
      onclick: () => go({ cursor: nextCursor }, [...trail, filters.cursor || '-']) }, 'Older →'));

  main.replaceChildren(el('h1', {}, 'Platform audit'), form,
    items.length === 0 ? el('p', { id: 'audit-empty' }, 'Nothing recorded for these filters.') :
      el('table', { id: 'audit' },
        el('thead', {}, el('tr', {}, ['When', 'Who', 'Action', 'Tenant', 'Details'].map(title => el('th', {}, title)))),
        el('tbody', {}, items.map(item => el('tr', { 'data-id': String(item.id), 'data-action': item.action, 'data-tenant': item.tenant || '' },
          el('td', { class: 'at' }, when(item.at)),
          el('td', { class: 'actor' }, el('strong', {}, item.actor.name), item.actor.email ? el('div', { class: 'muted' }, item.actor.email) : null),
          el('td', { class: 'action' }, item.action),
          el('td', { class: 'tenant' }, item.tenant || '—'),
          el('td', { class: 'detail' }, el('pre', { class: 'detail' }, detailText(item.detail))))))),
    pager);
}
