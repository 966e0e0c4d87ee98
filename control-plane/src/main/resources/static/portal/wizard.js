// The brand wizard: name and hosts, the look (theme, colours, fonts, logo) with a live preview, languages and
// currencies, jurisdictions, payment and identity-verification providers; submitting starts provisioning.
import { call } from '/shared/api.js';
import { el, problemBox } from '/shared/dom.js';
import { renderPreview } from './preview.js';

const COLOR_ROLES = [['primary', 'Primary'], ['onPrimary', 'Text on primary'], ['secondary', 'Accent'],
  ['background', 'Background'], ['surface', 'Cards'], ['text', 'Text'], ['mutedText', 'Muted text']];
const LANGUAGES = [['en', 'English'], ['de', 'German'], ['es', 'Spanish'], ['fr', 'French'], ['it', 'Italian'],
  ['mt', 'Maltese'], ['sv', 'Swedish'], ['da', 'Danish'], ['pt-BR', 'Portuguese (Brazil)'], ['nl', 'Dutch']];
const MAX_LOGO_BYTES = 256 * 1024;

function labelled(text, input, hint) {
  return el('div', {}, el('label', { for: input.id }, text), input, hint ? el('p', { class: 'hint' }, hint) : null);
}

function checks(name, options, checked) {
  return el('div', { class: 'checks', role: 'group' }, options.map(([value, text]) =>
    el('label', {}, el('input', { type: 'checkbox', name, value, checked: checked.includes(value) }), ` ${text}`)));
}

function checkedValues(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value);
}

export async function renderWizard(main, onSubmitted) {
  const [templates, me] = await Promise.all([call('/api/v1/templates'), call('/api/v1/signups/me')]);
  if (!templates.ok) { main.replaceChildren(problemBox(templates.body)); return; }
  const choices = templates.body;
  const fontStack = name => choices.fonts.find(font => font.name === name)?.stack;
  const themes = Object.fromEntries(choices.themes.map(theme => [theme.name, theme]));
  const state = { logoFile: null, logoUrl: null };

  const inputs = {
    company: el('input', { type: 'text', id: 'wizard-company', value: me.body?.company || sessionStorage.getItem('signupCompany') || '', maxlength: 200 }),
    contact: el('input', { type: 'email', id: 'wizard-contact', value: me.body?.email || '' }),
    slug: el('input', { type: 'text', id: 'wizard-slug', maxlength: 40, placeholder: 'acme' }),
    name: el('input', { type: 'text', id: 'wizard-name', maxlength: 100, placeholder: 'Acme Bet' }),
    hosts: el('textarea', { id: 'wizard-hosts', rows: 2, placeholder: 'acme.localhost' }),
    theme: el('select', { id: 'wizard-theme' }, choices.themes.map(theme => el('option', { value: theme.name }, theme.displayName || theme.name))),
    logoText: el('input', { type: 'text', id: 'wizard-logo-text', maxlength: 40 }),
    logo: el('input', { type: 'file', id: 'wizard-logo', accept: 'image/png,image/jpeg' }),
    bodyFont: el('select', { id: 'wizard-font-body' }, choices.fonts.map(font => el('option', { value: font.name }, font.name))),
    headingFont: el('select', { id: 'wizard-font-heading' }, choices.fonts.map(font => el('option', { value: font.name }, font.name))),
    defaultCurrency: el('select', { id: 'wizard-default-currency' }, choices.currencies.map(c => el('option', { value: c.code }, `${c.code} · ${c.name}`))),
    psp: el('select', { id: 'wizard-psp' }, el('option', { value: 'psp.sandbox' }, 'Sandbox payments (test)'), el('option', { value: 'psp.stripe' }, 'Stripe')),
    pspSecret: el('input', { type: 'password', id: 'wizard-psp-secret', autocomplete: 'off' }),
    pspWebhookSecret: el('input', { type: 'password', id: 'wizard-psp-webhook-secret', autocomplete: 'off' }),
    kycApiKey: el('input', { type: 'password', id: 'wizard-kyc-api-key', autocomplete: 'off' }),
    kycWebhookSecret: el('input', { type: 'password', id: 'wizard-kyc-webhook-secret', autocomplete: 'off' }),
  };
  const colorInputs = Object.fromEntries(COLOR_ROLES.map(([role]) => [role, el('input', { type: 'color', id: `wizard-color-${role}`, name: role })]));
  const logoProblem = el('div', { 'aria-live': 'polite' });
  const outcome = el('div', { 'aria-live': 'polite', id: 'wizard-outcome' });
  const preview = el('div', { class: 'preview', id: 'skin-preview', 'aria-label': 'Preview of the skin' });

  function applyTemplate() {
    const theme = themes[inputs.theme.value];
    for (const [role] of COLOR_ROLES) colorInputs[role].value = theme.colors?.[role] || '#000000';
    const byStack = stack => choices.fonts.find(font => font.stack === stack)?.name || 'system';
    inputs.bodyFont.value = byStack(theme.fonts?.body);
    inputs.headingFont.value = byStack(theme.fonts?.heading);
  }

  function look() {
    return { name: inputs.name.value, logoText: inputs.logoText.value || inputs.name.value, logoUrl: state.logoUrl,
      colors: Object.fromEntries(COLOR_ROLES.map(([role]) => [role, colorInputs[role].value])),
      fontStacks: { body: fontStack(inputs.bodyFont.value), heading: fontStack(inputs.headingFont.value) } };
  }

  const refresh = () => renderPreview(preview, look());
  inputs.theme.addEventListener('change', () => { applyTemplate(); refresh(); });
  inputs.logo.addEventListener('change', () => {
    logoProblem.replaceChildren();
    const file = inputs.logo.files[0];
    if (state.logoUrl) URL.revokeObjectURL(state.logoUrl);
    state.logoFile = null; state.logoUrl = null;
    if (file && !['image/png', 'image/jpeg'].includes(file.type)) {
      logoProblem.replaceChildren(problemBox({ detail: 'The logo must be a PNG or JPEG image.' }));
    } else if (file && file.size > MAX_LOGO_BYTES) {
      logoProblem.replaceChildren(problemBox({ detail: `The logo is ${Math.ceil(file.size / 1024)} KiB; at most 256 KiB is accepted.` }));
    } else if (file) {
      state.logoFile = file; state.logoUrl = URL.createObjectURL(file);
    }
    refresh();
  });

  const form = el('form', { class: 'card', id: 'wizard-form', novalidate: true },
    el('h1', {}, 'Create a brand'),
    el('h2', {}, '1. Operator and brand'),
    labelled('Operator (company)', inputs.company), labelled('Contact e-mail', inputs.contact),
    labelled('Tenant name in addresses', inputs.slug, 'Lower-case letters, digits and hyphens; it names your tenant on the platform.'),
    labelled('Brand name', inputs.name), labelled('Hosts', inputs.hosts, 'One per line, e.g. acme.localhost or bet.acme.com.'),
    el('h2', {}, '2. Look'),
    labelled('Theme', inputs.theme),
    el('div', { class: 'row' }, COLOR_ROLES.map(([role, text]) => el('div', {}, el('label', { for: colorInputs[role].id }, text), colorInputs[role]))),
    el('div', { class: 'row' }, labelled('Body font', inputs.bodyFont), labelled('Heading font', inputs.headingFont)),
    labelled('Logo text', inputs.logoText, 'Shown when there is no logo image, and read out by screen readers.'),
    labelled('Logo image', inputs.logo, 'PNG or JPEG, at most 256 KiB and 2048 × 2048 pixels.'), logoProblem,
    el('h2', {}, '3. Languages and currencies'),
    checks('language', LANGUAGES, ['en']),
    el('p', {}, 'Currencies (ISO 4217; amounts in minor units):'),
    checks('currency', choices.currencies.map(c => [c.code, `${c.code} (${c.minorUnits} decimals)`]), ['EUR']),
    labelled('Default currency', inputs.defaultCurrency),
    el('h2', {}, '4. Jurisdictions'),
    checks('jurisdiction', choices.jurisdictions.map(j => [j.code, `${j.name} (${j.regulator})`]), []),
    el('h2', {}, '5. Payment and identity-verification providers'),
    el('p', { class: 'hint' }, 'Stored encrypted; after saving only their last four characters are ever shown.'),
    labelled('Payment provider', inputs.psp), labelled('Secret API key (Stripe only)', inputs.pspSecret),
    labelled('Payment webhook signing secret', inputs.pspWebhookSecret, 'At least 16 characters for the sandbox.'),
    labelled('KYC provider API key', inputs.kycApiKey), labelled('KYC webhook signing secret', inputs.kycWebhookSecret),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'wizard-submit' }, 'Create brand')),
    outcome);
  for (const input of form.querySelectorAll('input, select, textarea')) input.addEventListener('input', refresh);
  inputs.defaultCurrency.value = 'EUR';
  applyTemplate();
  refresh();

  form.addEventListener('submit', async event => {
    event.preventDefault();
    outcome.replaceChildren();
    const submit = form.querySelector('#wizard-submit');
    submit.disabled = true;
    try {
      const slug = inputs.slug.value.trim();
      const theme = themes[inputs.theme.value];
      const colors = Object.fromEntries(COLOR_ROLES.map(([role]) => [role, colorInputs[role].value])
        .filter(([role, value]) => value.toLowerCase() !== (theme.colors?.[role] || '').toLowerCase()));
      const request = { slug, operator: { name: inputs.company.value, contactEmail: inputs.contact.value },
        brand: { slug, name: inputs.name.value, hosts: inputs.hosts.value.split(/[\s,]+/).filter(Boolean),
          theme: inputs.theme.value, defaultCurrency: inputs.defaultCurrency.value,
          currencies: checkedValues(form, 'currency'), languages: checkedValues(form, 'language'),
          jurisdictions: checkedValues(form, 'jurisdiction'),
          branding: { colors, fonts: { body: inputs.bodyFont.value, heading: inputs.headingFont.value },
            logoText: inputs.logoText.value.trim() || null } } };
      const created = await call('/api/v1/tenants', { method: 'POST', body: request });
      if (created.status !== 202) { outcome.replaceChildren(problemBox(created.body)); return; }
      const followUps = [];
      if (state.logoFile) {
        followUps.push(['logo', await call(`/api/v1/tenants/${encodeURIComponent(slug)}/brands/${encodeURIComponent(slug)}/logo`,
          { method: 'PUT', raw: state.logoFile, contentType: state.logoFile.type })]);
      }
      const psp = inputs.psp.value;
      if (inputs.pspWebhookSecret.value) {
        const fields = psp === 'psp.stripe' ? { secretKey: inputs.pspSecret.value, webhookSecret: inputs.pspWebhookSecret.value }
          : { webhookSecret: inputs.pspWebhookSecret.value };
        followUps.push(['payment provider', await call(`/api/v1/tenants/${encodeURIComponent(slug)}/credentials/${psp}`, { method: 'PUT', body: fields })]);
      }
      if (inputs.kycApiKey.value || inputs.kycWebhookSecret.value) {
        followUps.push(['KYC provider', await call(`/api/v1/tenants/${encodeURIComponent(slug)}/credentials/kyc.provider`,
          { method: 'PUT', body: { apiKey: inputs.kycApiKey.value, webhookSecret: inputs.kycWebhookSecret.value } })]);
      }
      const failed = followUps.filter(([, response]) => !response.ok);
      sessionStorage.setItem('submittedAt', String(Date.now()));
      onSubmitted(slug, failed.map(([what, response]) => ({ what, problem: response.body })));
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(el('div', { class: 'wizard' }, form, el('div', {}, el('h2', {}, 'Preview'), preview)));
}
