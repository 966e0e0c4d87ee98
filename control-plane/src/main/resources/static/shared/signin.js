// Sign-in to the platform realm with the authorization code flow and PKCE (public clients; staff answer Keycloak's OTP
// prompt), for the operator portal and the platform console on the same host. The access token stays in this tab's
// session storage under the page's own key prefix, so the two pages keep separate sign-ins.

let config = null;

/**
 * issuer: the platform realm's; clientId: the page's public client; home: the page's path, where the realm sends the
 * browser back (e.g. '/console/'); storage: the prefix of its session-storage keys (e.g. 'console.'); landing: where a
 * sign-in started without a return address ends.
 */
export function configure({ issuer, clientId, home, storage, landing = '#/' }) {
  config = { issuer, clientId, home, storage, landing };
}

// null before configure(): the page's first call (for the realm's settings) goes out without a token
function stored(name) {
  return config ? sessionStorage.getItem(config.storage + name) : null;
}

function store(name, value) {
  sessionStorage.setItem(config.storage + name, value);
}

export function token() {
  const bearer = stored('token');
  const expires = Number(stored('expires') || 0);
  return bearer && Date.now() < expires ? bearer : null;
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
  return location.origin + config.home;
}

export async function start(returnTo) {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  store('verifier', verifier);
  store('state', state);
  store('returnTo', returnTo || config.landing);
  const query = new URLSearchParams({ client_id: config.clientId, response_type: 'code', scope: 'openid email profile',
    redirect_uri: redirectUri(), code_challenge: challenge, code_challenge_method: 'S256', state });
  location.assign(`${config.issuer}/protocol/openid-connect/auth?${query}`);
}

/** Completes a sign-in when the page is the redirect back from the realm; true if it did. */
export async function complete() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return false;
  if (params.get('state') !== stored('state')) throw new Error('sign-in state mismatch');
  const response = await fetch(`${config.issuer}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code,
      redirect_uri: redirectUri(), code_verifier: stored('verifier') }) });
  if (!response.ok) throw new Error('sign-in failed: ' + response.status);
  const tokens = await response.json();
  store('token', tokens.access_token);
  store('expires', String(Date.now() + (tokens.expires_in - 10) * 1000));
  if (tokens.id_token) store('idToken', tokens.id_token);
  sessionStorage.removeItem(config.storage + 'verifier');
  history.replaceState(null, '', config.home + (stored('returnTo') || config.landing));
  return true;
}

/** Forgets this tab's tokens (the realm's session stays: see signOut). */
export function forget() {
  for (const name of ['token', 'expires', 'idToken', 'verifier', 'state', 'returnTo']) {
    sessionStorage.removeItem(config.storage + name);
  }
}

/** Ends the realm's session too (so the next sign-in asks again), then comes back to the page signed out. */
export function signOut() {
  const idToken = stored('idToken');
  forget();
  if (!idToken) { location.assign(config.home); return; }
  const query = new URLSearchParams({ client_id: config.clientId, id_token_hint: idToken,
    post_logout_redirect_uri: redirectUri() });
  location.assign(`${config.issuer}/protocol/openid-connect/logout?${query}`);
}
