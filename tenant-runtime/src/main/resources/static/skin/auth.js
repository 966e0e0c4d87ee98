// Player sign-in on the skin: the authorization code flow with PKCE against the tenant realm (public client
// "skin"); the access token stays in this tab's session storage.

let signIn = null;

export function configure(brandSignIn) {
  signIn = brandSignIn;
}

export function token() {
  const stored = sessionStorage.getItem('accessToken');
  const expires = Number(sessionStorage.getItem('accessTokenExpires') || 0);
  return stored && Date.now() < expires ? stored : null;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return location.origin + '/';
}

export async function start() {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('pkceVerifier', verifier);
  sessionStorage.setItem('pkceState', state);
  sessionStorage.setItem('returnTo', location.hash || '#/');
  const query = new URLSearchParams({ client_id: signIn.clientId, response_type: 'code', scope: 'openid',
    redirect_uri: redirectUri(), code_challenge: challenge, code_challenge_method: 'S256', state });
  location.assign(`${signIn.issuer}/protocol/openid-connect/auth?${query}`);
}

/** Completes a sign-in when the page is the redirect back from the realm; returns true if it did. */
export async function complete() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code || !signIn) return false;
  if (params.get('state') !== sessionStorage.getItem('pkceState')) throw new Error('sign-in state mismatch');
  const response = await fetch(`${signIn.issuer}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: signIn.clientId, code,
      redirect_uri: redirectUri(), code_verifier: sessionStorage.getItem('pkceVerifier') }) });
  if (!response.ok) throw new Error('sign-in failed: ' + response.status);
  const tokens = await response.json();
  sessionStorage.setItem('accessToken', tokens.access_token);
  sessionStorage.setItem('accessTokenExpires', String(Date.now() + (tokens.expires_in - 10) * 1000));
  sessionStorage.removeItem('pkceVerifier');
  const back = sessionStorage.getItem('returnTo') || '#/';
  history.replaceState(null, '', '/' + back);
  return true;
}

/** fetch with the player's token, JSON in and out; resolves to {status, body}. */
export async function authorized(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const bearer = token();
  if (bearer) headers.Authorization = 'Bearer ' + bearer;
  if (options.body && typeof options.body !== 'string') {
    headers['Content-Type'] = 'application/json';
    options = { ...options, body: JSON.stringify(options.body) };
  }
  const response = await fetch(path, { ...options, headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
