// A live preview of the player skin with the chosen theme: the skin's colour and font roles, the logo, an event with
// prices and a betslip. Re-rendered on every change in the wizard.
import { el } from '/shared/dom.js';

const VARIABLES = { primary: '--p-primary', onPrimary: '--p-on-primary', secondary: '--p-secondary',
  background: '--p-background', surface: '--p-surface', text: '--p-text', mutedText: '--p-muted-text' };

export function renderPreview(container, look) {
  for (const [role, variable] of Object.entries(VARIABLES)) {
    if (look.colors[role]) container.style.setProperty(variable, look.colors[role]);
  }
  container.style.setProperty('--p-font-body', look.fontStacks.body);
  container.style.setProperty('--p-font-heading', look.fontStacks.heading);
  const logo = look.logoUrl
    ? el('img', { src: look.logoUrl, alt: look.logoText || look.name || 'Logo', id: 'preview-logo-image' })
    : (look.logoText || look.name || 'Your brand');
  container.replaceChildren(
    el('header', {}, el('span', { class: 'p-logo', id: 'preview-logo' }, logo), el('span', { class: 'p-muted', style: 'color: inherit' }, 'Football · Tennis · Live')),
    el('div', { class: 'p-body' },
      el('div', { class: 'p-event' },
        el('h3', {}, 'Arsenal v Chelsea'), el('div', { class: 'p-muted' }, 'Premier League · Sat 15:00'),
        el('div', { class: 'p-prices' },
          el('div', { class: 'p-price' }, 'Arsenal', el('strong', {}, '2.10')),
          el('div', { class: 'p-price' }, 'Draw', el('strong', {}, '3.40')),
          el('div', { class: 'p-price' }, 'Chelsea', el('strong', {}, '3.60')))),
      el('div', { class: 'p-slip' }, el('strong', {}, 'Betslip'), el('p', { class: 'p-muted' }, 'Arsenal @ 2.10 · stake 10.00'),
        el('button', { type: 'button', class: 'p-cta' }, 'Place bet'))));
}
