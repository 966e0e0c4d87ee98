// Sign-in to the platform realm's console client with the authorization code flow and PKCE (public client; staff
// answer Keycloak's OTP prompt). The access token stays in this tab's session storage, under the console's own keys
// (the operator portal on the same host keeps its own).

const KEY = 'console.';
let config = null;

export function configure(portalConfig) {
  config = { issuer: portalConfig.issuer, clientId: portalConfig.consoleClientId || 'console' };
}

export function token() {
  const stored = sessionStorage.getItem(KEY + 'token');
  const expires = Number(sessionStorage.getItem(KEY + 'expires') || 0);
  return stored && Date.now() < expires ? stored : null;
}

export function claims() {
  const bearer = token();
  if (!bearer) return null;
  try {
    const part = bearer.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch {
    return null;
  }
}

export function roles() {
  return claims()?.realm_access?.roles || [];
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return location.origin + '/console/';
}

export async function start(returnTo) {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(KEY + 'verifier', verifier);
  sessionStorage.setItem(KEY + 'state', state);
  sessionStorage.setItem(KEY + 'returnTo', returnTo || '#/tenants');
  const query = new URLSearchParams({ client_id: config.clientId, response_type: 'code', scope: 'openid email profile',
    redirect_uri: redirectUri(), code_challenge: challenge, code_challenge_method: 'S256', state });
  location.assign(`${config.issuer}/protocol/openid-connect/auth?${query}`);
}

/** Completes a sign-in when the page is the redirect back from the realm; true if it did. */
export async function complete() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return false;
  if (params.get('state') !== sessionStorage.getItem(KEY + 'state')) throw new Error('sign-in state mismatch');
  const response = await fetch(`${config.issuer}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code,
      redirect_uri: redirectUri(), code_verifier: sessionStorage.getItem(KEY + 'verifier') }) });
  if (!response.ok) throw new Error('sign-in failed: ' + response.status);
  const tokens = await response.json();
  sessionStorage.setItem(KEY + 'token', tokens.access_token);
  sessionStorage.setItem(KEY + 'expires', String(Date.now() + (tokens.expires_in - 10) * 1000));
  if (tokens.id_token) sessionStorage.setItem(KEY + 'idToken', tokens.id_token);
  sessionStorage.removeItem(KEY + 'verifier');
  history.replaceState(null, '', '/console/' + (sessionStorage.getItem(KEY + 'returnTo') || '#/tenants'));
  return true;
}

/** Forgets this tab's tokens (the realm's session stays: see signOut). */
export function forget() {
  for (const name of ['token', 'expires', 'idToken', 'verifier', 'state', 'returnTo']) sessionStorage.removeItem(KEY + name);
}

/** Ends the realm's session too (so the next sign-in asks again), then comes back to the console signed out. */
export function signOut() {
  const idToken = sessionStorage.getItem(KEY + 'idToken');
  forget();
  if (!config || !idToken) { location.assign('/console/'); return; }
  const query = new URLSearchParams({ client_id: config.clientId, id_token_hint: idToken,
    post_logout_redirect_uri: redirectUri() });
  location.assign(`${config.issuer}/protocol/openid-connect/logout?${query}`);
}
