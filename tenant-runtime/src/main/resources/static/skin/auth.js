// Sign-in against the tenant realm: the authorization code flow with PKCE on a public client. The player skin uses
// the brand's client ("skin") and comes back to "/"; a staff console names its own client and page. The tokens stay
// in this tab's session storage, one set per client, so a console and the skin never pick up each other's token.

let signIn = null;
let redirectPath = '/';

/**
 * @param brandSignIn the brand's realm issuer and client, from /api/v1/brand
 * @param options     a console's own {clientId, redirectPath}; the skin's defaults otherwise
 */
export function configure(brandSignIn, options = {}) {
  signIn = brandSignIn && { ...brandSignIn, clientId: options.clientId || brandSignIn.clientId };
  redirectPath = options.redirectPath || '/';
}

function key(name) {
  return `${signIn?.clientId || 'skin'}.${name}`;
}

export function token() {
  const stored = sessionStorage.getItem(key('accessToken'));
  const expires = Number(sessionStorage.getItem(key('accessTokenExpires')) || 0);
  return stored && Date.now() < expires ? stored : null;
}

/** Forgets this tab's tokens (the realm's session stays: see signOut). */
export function forget() {
  for (const name of ['accessToken', 'accessTokenExpires', 'idToken']) sessionStorage.removeItem(key(name));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return location.origin + redirectPath;
}

export async function start() {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(key('pkceVerifier'), verifier);
  sessionStorage.setItem(key('pkceState'), state);
  sessionStorage.setItem(key('returnTo'), location.hash || '#/');
  const query = new URLSearchParams({ client_id: signIn.clientId, response_type: 'code', scope: 'openid',
    redirect_uri: redirectUri(), code_challenge: challenge, code_challenge_method: 'S256', state });
  location.assign(`${signIn.issuer}/protocol/openid-connect/auth?${query}`);
}

/** Completes a sign-in when the page is the redirect back from the realm; returns true if it did. */
export async function complete() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code || !signIn) return false;
  if (params.get('state') !== sessionStorage.getItem(key('pkceState'))) throw new Error('sign-in state mismatch');
  const response = await fetch(`${signIn.issuer}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: signIn.clientId, code,
      redirect_uri: redirectUri(), code_verifier: sessionStorage.getItem(key('pkceVerifier')) }) });
  if (!response.ok) throw new Error('sign-in failed: ' + response.status);
  const tokens = await response.json();
  sessionStorage.setItem(key('accessToken'), tokens.access_token);
  sessionStorage.setItem(key('accessTokenExpires'), String(Date.now() + (tokens.expires_in - 10) * 1000));
  if (tokens.id_token) sessionStorage.setItem(key('idToken'), tokens.id_token);
  sessionStorage.removeItem(key('pkceVerifier'));
  const back = sessionStorage.getItem(key('returnTo')) || '#/';
  history.replaceState(null, '', redirectPath + back);
  return true;
}

/** Ends the realm's session too (so the next sign-in asks again), then comes back to this page signed out. */
export function signOut() {
  const idToken = sessionStorage.getItem(key('idToken'));
  forget();
  if (!signIn || !idToken) { location.assign(redirectPath); return; }
  const query = new URLSearchParams({ client_id: signIn.clientId, id_token_hint: idToken,
    post_logout_redirect_uri: redirectUri() });
  location.assign(`${signIn.issuer}/protocol/openid-connect/logout?${query}`);
}

/** The signed-in account's name as the realm put it in the token, for display. */
export function accountName() {
  const bearer = token();
  if (!bearer) return null;
  try {
    const bytes = Uint8Array.from(atob(bearer.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims.preferred_username || claims.email || claims.sub;
  } catch {
    return null;
  }
}

/** fetch with the signed-in account's token; resolves to the Response as it came (a file, a CSV...). */
export function withToken(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  const bearer = token();
  if (bearer) headers.Authorization = 'Bearer ' + bearer;
  return fetch(path, { ...options, headers });
}

/** fetch with the signed-in account's token, JSON in and out; resolves to {status, body}. */
export async function authorized(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.body && typeof options.body !== 'string') {
    headers['Content-Type'] = 'application/json';
    options = { ...options, body: JSON.stringify(options.body) };
  }
  const response = await withToken(path, { ...options, headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
