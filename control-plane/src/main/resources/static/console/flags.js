// Feature flag rollouts over the flags API: every flag with its rollout, kill switch and Unleash sync; one flag's
// rollout (named tenants, a percentage of tenants, jurisdictions), its kill switch, who has it now and its history.
import { call, read } from '/shared/api.js';
import { badge, el, when } from '/shared/dom.js';
import * as notice from './notice.js';

function rolloutText(flag) {
  const parts = [];
  if (flag.tenants.length) parts.push(`tenants: ${flag.tenants.join(', ')}`);
  parts.push(`${flag.percentage}% of tenants`);
  if (flag.jurisdictions.length) parts.push(`only brands licensed in ${flag.jurisdictions.join(', ')}`);
  return parts.join(' · ');
}

export async function renderFlags(main, context) {
  const flags = (await read('/api/v1/flags?limit=200')).body.items || [];
  const create = context.admin ? el('form', { class: 'card', id: 'new-flag', onsubmit: async event => {
    event.preventDefault();
    const form = event.target;
    const response = await call('/api/v1/flags', { method: 'POST', body: { key: form.key.value.trim(),
      description: form.description.value.trim(), tenants: [], percentage: 0, jurisdictions: [], reason: form.reason.value.trim() || null } });
    if (response.ok) {
      notice.ok(`Flag ${response.body.key} defined, on for nobody yet: set its rollout.`);
      location.hash = `#/flags/${encodeURIComponent(response.body.key)}`;
    } else {
      notice.problem(response.body, 'The flag could not be defined.');
    }
  } }, el('h2', {}, 'Define a flag'),
    el('div', { class: 'row' },
      el('div', {}, el('label', { for: 'new-flag-key' }, 'Key'), el('input', { type: 'text', id: 'new-flag-key', name: 'key', placeholder: 'in-play-betting', required: true })),
      el('div', { style: 'flex:1' }, el('label', { for: 'new-flag-description' }, 'What it turns on'),
        el('input', { type: 'text', id: 'new-flag-description', name: 'description', required: true, style: 'width:100%' })),
      el('div', {}, el('label', { for: 'new-flag-reason' }, 'Why'), el('input', { type: 'text', id: 'new-flag-reason', name: 'reason' }))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'new-flag-submit' }, 'Define'))) : null;
  main.replaceChildren(el('h1', {}, 'Feature flags'),
    flags.length === 0 ? el('p', {}, 'No flags yet.') : el('table', { id: 'flags' },
      el('thead', {}, el('tr', {}, ['Flag', 'Rollout', 'State', 'Unleash', 'Changed'].map(title => el('th', {}, title)))),
      el('tbody', {}, flags.map(flag => el('tr', { 'data-flag': flag.key },
        el('td', { class: 'key' }, el('a', { href: `#/flags/${encodeURIComponent(flag.key)}`, class: 'open-flag' }, flag.key),
          el('div', { class: 'muted' }, flag.description)),
        el('td', { class: 'rollout' }, rolloutText(flag)),
        el('td', { class: 'state' }, flag.killed ? badge('killed', 'killed') : badge('active', 'rolling out')),
        el('td', { class: 'sync' }, badge(flag.sync.state)),
        el('td', { class: 'changed' }, when(flag.updatedAt), el('div', { class: 'muted' }, flag.updatedBy || '')))))),
    create);
}

export async function renderFlag(main, key, context) {
  const [detail, tenants, templates, history] = await Promise.all([
    read(`/api/v1/flags/${encodeURIComponent(key)}`), read('/api/v1/tenants'), read('/api/v1/templates'),
    read(`/api/v1/flags/${encodeURIComponent(key)}/history?limit=50`)]);
  if (detail.status === 404) {
    main.replaceChildren(el('h1', {}, 'No such flag'), el('p', {}, `There is no flag ${key}.`), el('a', { href: '#/flags' }, 'All flags'));
    return;
  }
  const flag = detail.body.flag;
  const evaluation = detail.body.evaluation || [];
  const slugs = (tenants.body || []).map(tenant => tenant.slug).sort();
  const jurisdictions = (templates.body?.jurisdictions || []).map(choice => choice.code);
  const disabled = !context.admin;

  const send = async (method, path, body, done) => {
    const response = await call(path, { method, body });
    if (response.ok) notice.ok(done);
    else notice.problem(response.body, 'The flag could not be changed.');
    await context.redraw();
  };

  const form = el('form', { class: 'card', id: 'rollout-form', onsubmit: event => {
    event.preventDefault();
    const chosen = name => [...form.querySelectorAll(`input[name=${name}]:checked`)].map(box => box.value);
    send('PUT', `/api/v1/flags/${encodeURIComponent(key)}`, { tenants: chosen('tenant'),
      percentage: Number(form.querySelector('#flag-percentage').value), jurisdictions: chosen('jurisdiction'),
      reason: form.querySelector('#flag-reason').value.trim() || null }, `Rollout of ${key} saved.`);
  } },
    el('h2', {}, 'Rollout'),
    el('fieldset', { disabled }, el('legend', {}, 'Named tenants (always on, wherever licensed)'),
      el('div', { class: 'checks' }, slugs.map(slug => el('label', {}, el('input', { type: 'checkbox', name: 'tenant', value: slug,
        id: `flag-tenant-${slug}`, checked: flag.tenants.includes(slug) }), ' ', slug)))),
    el('label', { for: 'flag-percentage' }, 'Percentage of all tenants (a stable hash: raising it only adds tenants)'),
    el('input', { type: 'number', id: 'flag-percentage', min: '0', max: '100', step: '1', value: String(flag.percentage), disabled }),
    el('fieldset', { disabled }, el('legend', {}, 'Only brands licensed in (none ticked: anywhere)'),
      el('div', { class: 'checks' }, jurisdictions.map(code => el('label', {}, el('input', { type: 'checkbox', name: 'jurisdiction',
        value: code, id: `flag-jurisdiction-${code}`, checked: flag.jurisdictions.includes(code) }), ' ', code)))),
    el('label', { for: 'flag-reason' }, 'Why (kept in the history)'),
    el('input', { type: 'text', id: 'flag-reason', style: 'width:100%', disabled }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'flag-save', disabled }, 'Save rollout')));

  const killSwitch = flag.killed
    ? el('button', { type: 'button', id: 'flag-revive', disabled, onclick: () => send('DELETE',
      `/api/v1/flags/${encodeURIComponent(key)}/kill-switch`, undefined, `Kill switch of ${key} released: the rollout applies again.`) }, 'Release the kill switch')
    : el('button', { type: 'button', class: 'danger', id: 'flag-kill', disabled, onclick: () => send('POST',
      `/api/v1/flags/${encodeURIComponent(key)}/kill-switch`, undefined, `Kill switch of ${key} pulled: off everywhere.`) }, 'Pull the kill switch');

  main.replaceChildren(
    el('p', {}, el('a', { href: '#/flags' }, '← All flags')),
    el('h1', { id: 'flag-key' }, key),
    el('p', {}, flag.description),
    el('p', { id: 'flag-state' }, flag.killed ? badge('killed', 'Killed: off everywhere') : badge('active', rolloutText(flag)),
      ' ', el('span', { class: 'muted' }, `version ${flag.version} · Unleash: ${flag.sync.state}`)),
    form,
    el('div', { class: 'card' }, el('h2', {}, 'Kill switch'), el('p', { class: 'muted' }, 'Turns the flag off everywhere at once, whatever its rollout.'), killSwitch),
    el('h2', {}, 'Who has it now'),
    el('table', { id: 'flag-evaluation' }, el('thead', {}, el('tr', {}, ['Tenant', 'Brand', 'Licensed in', 'On'].map(title => el('th', {}, title)))),
      el('tbody', {}, evaluation.map(row => el('tr', { 'data-tenant': row.tenant, 'data-brand': row.brand },
        el('td', {}, row.tenant), el('td', {}, row.brand), el('td', {}, (row.jurisdictions || []).join(', ')),
        el('td', { class: 'enabled' }, row.enabled ? badge('active', 'on') : badge('unknown', 'off')))))),
    el('h2', {}, 'History'),
    el('table', { id: 'flag-history' }, el('thead', {}, el('tr', {}, ['Version', 'When', 'Who', 'What', 'Why'].map(title => el('th', {}, title)))),
      el('tbody', {}, (history.body?.items || []).map(change => el('tr', {},
        el('td', {}, String(change.version)), el('td', {}, when(change.at)), el('td', {}, change.actor?.name || ''),
        el('td', {}, change.action.replace(/_/g, ' ')), el('td', {}, change.reason || ''))))));
}
