// Signing up as an operator, and following the e-mailed link.
import { call } from '/shared/api.js';
import { el, problemBox } from '/shared/dom.js';

function field(label, input, hint) {
  return [el('label', { for: input.id }, label), input, hint ? el('p', { class: 'hint' }, hint) : null];
}

export async function renderSignup(main, portalConfig) {
  const terms = await call('/api/v1/signups/terms');
  const outcome = el('div', { 'aria-live': 'polite' });
  const inputs = {
    firstName: el('input', { type: 'text', id: 'signup-first-name', autocomplete: 'given-name', required: true, maxlength: 100 }),
    lastName: el('input', { type: 'text', id: 'signup-last-name', autocomplete: 'family-name', required: true, maxlength: 100 }),
    company: el('input', { type: 'text', id: 'signup-company', autocomplete: 'organization', required: true, maxlength: 200 }),
    email: el('input', { type: 'email', id: 'signup-email', autocomplete: 'email', required: true }),
    password: el('input', { type: 'password', id: 'signup-password', autocomplete: 'new-password', required: true }),
    accept: el('input', { type: 'checkbox', id: 'signup-accept' }),
  };
  const form = el('form', { class: 'card', id: 'signup-form', novalidate: true },
    el('h1', {}, 'Open an operator account'),
    ...field('First name', inputs.firstName), ...field('Last name', inputs.lastName),
    ...field('Company', inputs.company, 'The licensed operator that will run the brands.'),
    ...field('Work e-mail', inputs.email, 'We send a link to confirm it.'),
    ...field('Password', inputs.password, 'At least 10 characters, with an upper-case letter, a lower-case letter and a digit.'),
    el('h2', {}, `Platform terms (version ${terms.body.version})`),
    el('pre', { class: 'card', style: 'white-space: pre-wrap; max-height: 12rem; overflow: auto' }, terms.body.text),
    el('label', {}, inputs.accept, ` I accept the platform terms, version ${terms.body.version}`),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'signup-submit' }, 'Sign up')),
    outcome);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    outcome.replaceChildren();
    const response = await call('/api/v1/signups', { method: 'POST', body: {
      email: inputs.email.value.trim(), firstName: inputs.firstName.value, lastName: inputs.lastName.value,
      company: inputs.company.value, password: inputs.password.value,
      acceptedTermsVersion: inputs.accept.checked ? terms.body.version : null } });
    if (response.status === 202) {
      sessionStorage.setItem('signupCompany', inputs.company.value);
      main.replaceChildren(el('section', { class: 'card', id: 'signup-sent' },
        el('h1', {}, 'Check your mail'),
        el('p', {}, `We sent a link to ${response.body.email}. Open it to confirm the address; then sign in.`),
        portalConfig.devMailbox ? el('p', { class: 'hint' }, 'Embedded mode: the mail is in the ',
          el('a', { href: '/dev/mailbox', target: '_blank' }, 'development mailbox'), '.') : null));
    } else {
      outcome.replaceChildren(problemBox(response.body));
    }
  });
  main.replaceChildren(form);
}

export async function renderVerification(main, token) {
  main.replaceChildren(el('p', {}, 'Confirming your e-mail address…'));
  const response = await call('/api/v1/signups/verification', { method: 'POST', body: { token } });
  if (response.ok) {
    main.replaceChildren(el('section', { class: 'card', id: 'verified' },
      el('h1', {}, 'Your e-mail address is confirmed'),
      el('p', {}, `${response.body.email} can now sign in and create brands.`),
      el('div', { class: 'actions' }, el('a', { class: 'button', href: '#/signin', id: 'verified-signin' }, 'Sign in'))));
  } else {
    main.replaceChildren(el('section', { class: 'card' }, el('h1', {}, 'This link did not work'), problemBox(response.body),
      el('a', { href: '#/signup' }, 'Sign up again')));
  }
}
