// Sign-in to the platform realm with the authorization code flow and PKCE (public client); the access token stays in
// this tab's session storage.

let config = null;

export function configure(portalConfig, clientId) {
  config = { issuer: portalConfig.issuer, clientId };
}

export function token() {
  const stored = sessionStorage.getItem('platformToken');
  const expires = Number(sessionStorage.getItem('platformTokenExpires') || 0);
  return stored && Date.now() < expires ? stored : null;
}

export function claims() {
  const bearer = token();
  if (!bearer) return null;
  try {
    return JSON.parse(atob(bearer.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return null;
  }
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return location.origin + location.pathname;
}

export async function start(returnTo) {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('pkceVerifier', verifier);
  sessionStorage.setItem('pkceState', state);
  sessionStorage.setItem('returnTo', returnTo || '#/');
  const query = new URLSearchParams({ client_id: config.clientId, response_type: 'code', scope: 'openid email profile',
    redirect_uri: redirectUri(), code_challenge: challenge, code_challenge_method: 'S256', state });
  location.assign(`${config.issuer}/protocol/openid-connect/auth?${query}`);
}

/** Completes a sign-in when the page is the redirect back from the realm; true if it did. */
export async function complete() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return false;
  if (params.get('state') !== sessionStorage.getItem('pkceState')) throw new Error('sign-in state mismatch');
  const response = await fetch(`${config.issuer}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code,
      redirect_uri: redirectUri(), code_verifier: sessionStorage.getItem('pkceVerifier') }) });
  if (!response.ok) throw new Error('sign-in failed: ' + response.status);
  const tokens = await response.json();
  sessionStorage.setItem('platformToken', tokens.access_token);
  sessionStorage.setItem('platformTokenExpires', String(Date.now() + (tokens.expires_in - 10) * 1000));
  sessionStorage.removeItem('pkceVerifier');
  history.replaceState(null, '', location.pathname + (sessionStorage.getItem('returnTo') || '#/'));
  return true;
}

export function signOut() {
  sessionStorage.removeItem('platformToken');
  sessionStorage.removeItem('platformTokenExpires');
}
