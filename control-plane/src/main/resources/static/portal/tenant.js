// One tenant in the portal: provisioning followed live (a progress bar and each step's status, failures in plain
// words, a retry button), the brand's addresses once live, and its settings, editable at any time.
import { call } from '/shared/api.js';
import { el, problemBox } from '/shared/dom.js';

const STEP_NAMES = { schema_created: 'Database schema', migrations_applied: 'Tables and data model',
  identity_realm: 'Player and staff sign-in', seed_data: 'Sports, markets and settings', hosts_routed: 'Web addresses' };

function brandUrl(host) {
  const local = host.endsWith('.localhost');
  return `${local ? 'http' : 'https'}://${host}${local && location.port ? ':' + location.port : ''}/`;
}

export async function renderTenant(main, slug, followUpProblems = []) {
  let timer = null;
  const progress = el('progress', { max: 5, value: 0, id: 'provisioning-progress' });
  const status = el('p', { id: 'provisioning-status', 'aria-live': 'polite' });
  const steps = el('ul', { class: 'steps', id: 'provisioning-steps' });
  const failure = el('div', { id: 'provisioning-failure' });
  const live = el('div', { id: 'brand-live' });
  const settings = el('div', { id: 'brand-settings' });
  main.replaceChildren(el('h1', {}, `Tenant ${slug}`),
    ...followUpProblems.map(({ what, problem }) => el('div', {}, el('p', {}, `The ${what} was not saved:`), problemBox(problem))),
    el('section', { class: 'card' }, el('h2', {}, 'Provisioning'), progress, status, steps, failure), live, settings);

  async function poll() {
    if (!document.body.contains(progress)) return;
    const response = await call(`/api/v1/tenants/${encodeURIComponent(slug)}/provisioning`);
    if (!response.ok) { failure.replaceChildren(problemBox(response.body)); return; }
    const run = response.body;
    progress.max = run.stepsTotal; progress.value = run.stepsDone;
    progress.setAttribute('aria-label', `${run.stepsDone} of ${run.stepsTotal} steps done`);
    status.textContent = run.status === 'completed' ? 'Your brand is live.'
      : run.status === 'failed' ? 'Provisioning stopped.' : `Working: ${STEP_NAMES[run.currentStep] || run.currentStep || 'starting'}…`;
    status.dataset.status = run.status;
    steps.replaceChildren(...run.steps.map(step => el('li', { 'data-step': step.name, 'data-status': step.status,
      'aria-current': step.name === run.currentStep ? 'step' : null, class: `status-${step.status}` },
      `${STEP_NAMES[step.name] || step.name}: ${step.status}`)));
    if (run.status === 'failed') {
      const retry = el('button', { type: 'button', id: 'provisioning-retry' }, 'Retry');
      retry.addEventListener('click', async () => {
        retry.disabled = true;
        const again = await call(`/api/v1/tenants/${encodeURIComponent(slug)}/provisioning/retry`, { method: 'POST' });
        if (!again.ok) failure.replaceChildren(problemBox(again.body)); else { failure.replaceChildren(); timer = setTimeout(poll, 500); }
      });
      failure.replaceChildren(el('div', { class: 'problem', role: 'alert' },
        el('strong', {}, `The step "${STEP_NAMES[run.failedStep] || run.failedStep}" failed.`),
        el('p', {}, run.error || 'No reason was given.'),
        el('p', {}, 'Nothing is lost: a retry continues from this step.')), retry);
      return;
    }
    if (run.status === 'completed') {
      const submitted = Number(sessionStorage.getItem('submittedAt') || 0);
      const tenant = await call(`/api/v1/tenants/${encodeURIComponent(slug)}`);
      const hosts = tenant.body?.brands?.flatMap(brand => brand.hosts) || [];
      live.replaceChildren(el('section', { class: 'ok', id: 'brand-live-notice' },
        el('strong', {}, 'Live'), run.durationMillis != null ? ` after ${(run.durationMillis / 1000).toFixed(1)} s of provisioning` : '',
        submitted ? el('span', { id: 'submit-to-live', 'data-ms': Date.now() - submitted }, '') : null,
        el('ul', {}, hosts.map(host => el('li', {}, el('a', { href: brandUrl(host), class: 'brand-link' }, brandUrl(host)))))));
      sessionStorage.removeItem('submittedAt');
      renderSettings(settings, slug, tenant.body);
      return;
    }
    timer = setTimeout(poll, 500);
  }
  await poll();
  return () => clearTimeout(timer);
}

function renderSettings(container, slug, tenant) {
  const brand = tenant?.brands?.[0];
  if (!brand) return;
  const name = el('input', { type: 'text', id: 'settings-name', value: brand.name, maxlength: 100 });
  const primary = el('input', { type: 'color', id: 'settings-primary', value: brand.theme?.colors?.primary || '#000000' });
  const logoText = el('input', { type: 'text', id: 'settings-logo-text', value: brand.theme?.logo?.text || '', maxlength: 40 });
  const outcome = el('div', { 'aria-live': 'polite', id: 'settings-outcome' });
  const form = el('form', { class: 'card', id: 'settings-form' }, el('h2', {}, `Brand settings: ${brand.name}`),
    el('label', { for: name.id }, 'Brand name'), name, el('label', { for: primary.id }, 'Primary colour'), primary,
    el('label', { for: logoText.id }, 'Logo text'), logoText,
    el('p', { class: 'hint' }, 'Saved changes reach the brand’s skin within a few seconds.'),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'settings-save' }, 'Save')), outcome);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const response = await call(`/api/v1/tenants/${encodeURIComponent(slug)}/brands/${encodeURIComponent(brand.slug)}`, {
      method: 'PATCH', body: { name: name.value, branding: { colors: { primary: primary.value }, logoText: logoText.value || null } } });
    outcome.replaceChildren(response.ok ? el('p', { class: 'ok' }, 'Saved.') : problemBox(response.body));
  });
  container.replaceChildren(form);
}
