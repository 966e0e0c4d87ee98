// Every tenant with its lifecycle status, provisioning state, and its schema's health and version as the runtime
// sees them; platform admins suspend and resume tenants here (a suspended tenant's hosts answer 503 at the edge).
import { call, read } from '/shared/api.js';
import { badge, el, when } from '/shared/dom.js';
import * as notice from './notice.js';

const HEALTH_WORDS = { healthy: 'healthy', behind: 'changesets to apply', unreachable: 'unreachable', unknown: 'unknown' };

function provisioningCell(run) {
  if (!run) return el('span', { class: 'muted' }, '—');
  const text = run.status === 'failed'
    ? `failed at ${run.failedStep}`
    : run.status === 'completed' ? `completed (${run.stepsDone}/${run.stepsTotal})` : `${run.status}: ${run.currentStep || ''} (${run.stepsDone}/${run.stepsTotal})`;
  return el('div', {}, badge(run.status, text), run.error ? el('div', { class: 'muted' }, run.error) : null);
}

function healthCell(health) {
  return el('div', {}, badge(health.state, HEALTH_WORDS[health.state] || health.state),
    health.error ? el('div', { class: 'muted health-error' }, health.error) : null);
}

function lastChangesetCell(health) {
  const last = health.lastChangeset;
  if (!last) return el('span', { class: 'muted' }, '—');
  return el('div', {}, el('code', {}, last.id), el('div', { class: 'muted' }, last.file), el('div', { class: 'muted' }, when(last.executedAt)));
}

function actionsCell(tenant, context) {
  if (!context.admin) return el('span', { class: 'muted' }, '—');
  const act = async (method, verb) => {
    const response = await call(`/api/v1/tenants/${encodeURIComponent(tenant.slug)}/suspension`, { method });
    if (response.ok) {
      const hosts = tenant.brands.flatMap(brand => brand.hosts).join(', ');
      notice.ok(verb === 'suspend'
        ? `Suspended ${tenant.slug}: its hosts (${hosts}) answer 503 "Temporarily unavailable" within seconds.`
        : `Resumed ${tenant.slug}: its hosts (${hosts}) serve again within seconds.`);
    } else {
      notice.problem(response.body, `The tenant could not be ${verb === 'suspend' ? 'suspended' : 'resumed'}.`);
    }
    await context.redraw();
  };
  if (tenant.status === 'active') {
    return el('button', { type: 'button', class: 'danger suspend', onclick: () => act('POST', 'suspend') }, 'Suspend');
  }
  if (tenant.status === 'suspended') {
    return el('button', { type: 'button', class: 'resume', onclick: () => act('DELETE', 'resume') }, 'Resume');
  }
  return el('span', { class: 'muted' }, '—');
}

function row(tenant, context) {
  return el('tr', { 'data-tenant': tenant.slug, 'data-status': tenant.status, 'data-health': tenant.health.state },
    el('td', { class: 'slug' }, el('strong', {}, tenant.slug), el('div', { class: 'muted' }, 'since ', when(tenant.createdAt))),
    el('td', { class: 'operator' }, tenant.operator),
    el('td', { class: 'hosts' }, tenant.brands.map(brand => el('div', {}, `${brand.name}: ${brand.hosts.join(', ')}`))),
    el('td', { class: 'status' }, badge(tenant.status)),
    el('td', { class: 'provisioning' }, provisioningCell(tenant.provisioning)),
    el('td', { class: 'health' }, healthCell(tenant.health)),
    el('td', { class: 'schema-version' }, tenant.health.schemaVersion || '—'),
    el('td', { class: 'last-changeset' }, lastChangesetCell(tenant.health)),
    el('td', { class: 'actions' }, actionsCell(tenant, context)));
}

function runtimeLine(runtime) {
  if (!runtime.reachable) {
    return el('p', { id: 'runtime-status', class: 'problem', 'data-reachable': 'false' },
      'The tenant runtime did not answer, so health and schema versions are unknown: ', runtime.error || '');
  }
  return el('p', { id: 'runtime-status', class: 'muted', 'data-reachable': 'true' },
    `Runtime reachable; its tenant changelog has ${runtime.changesetsExpected} changesets. Checked `, when(runtime.checkedAt), '.');
}

export async function renderTenants(main, context) {
  const draw = async () => {
    const overview = (await read('/api/v1/platform/tenants')).body;
    const tenants = overview.tenants || [];
    main.replaceChildren(el('h1', {}, 'Tenants'),
      runtimeLine(overview.runtime),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', id: 'refresh-tenants', onclick: draw }, 'Refresh')),
      tenants.length === 0 ? el('p', { id: 'no-tenants' }, 'No tenants yet.') :
        el('table', { id: 'tenants' },
          el('thead', {}, el('tr', {}, ['Tenant', 'Operator', 'Brands and hosts', 'Status', 'Provisioning', 'Health',
            'Schema version', 'Last changeset', ''].map(title => el('th', {}, title)))),
          el('tbody', {}, tenants.map(tenant => row(tenant, context)))));
  };
  await draw();
  context.every(10_000, draw);
}
