// Dresses a page in the brand's theme from the control plane: colours, fonts and corner radius as CSS custom
// properties (skin.css reads them).

const COLOURS = { primary: '--primary', onPrimary: '--on-primary', secondary: '--secondary', background: '--background',
  surface: '--surface', text: '--text', mutedText: '--muted', priceUp: '--up', priceDown: '--down' };

export function applyTheme(theme = {}) {
  const colors = theme.colors || {};
  const root = document.documentElement.style;
  for (const [key, variable] of Object.entries(COLOURS)) if (colors[key]) root.setProperty(variable, colors[key]);
  if (theme.fonts?.body) root.setProperty('--font-body', theme.fonts.body);
  if (theme.fonts?.heading) root.setProperty('--font-heading', theme.fonts.heading);
  if (theme.cornerRadius) root.setProperty('--radius', theme.cornerRadius);
}
