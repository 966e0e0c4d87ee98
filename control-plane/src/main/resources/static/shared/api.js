// JSON over fetch with the page's platform token (operator portal, platform console); resolves to {status, ok, body}
// and never throws on a 4xx or 5xx. A raw body (a logo) is sent as it is, with its content type.
import { token } from '/shared/signin.js';

export async function call(path, { method = 'GET', body, raw, contentType } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const bearer = token();
  if (bearer) headers.Authorization = 'Bearer ' + bearer;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: payload });
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { detail: text }; }
  return { status: response.status, ok: response.ok, body: parsed };
}

/** The API refused the signed-in account (401: the sign-in ended; 403: the account is not platform staff). */
export class AccessRefused extends Error {
  constructor(status, problem) {
    super(problem?.detail || 'access refused');
    this.status = status;
    this.problem = problem;
  }
}

/** A read a page cannot draw without: a 401 or 403 stops the page (the console shows why). */
export async function read(path) {
  const response = await call(path);
  if (response.status === 401 || response.status === 403) throw new AccessRefused(response.status, response.body);
  return response;
}
