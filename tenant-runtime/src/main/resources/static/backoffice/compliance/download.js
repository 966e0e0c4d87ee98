// Saves a file the API serves only with a bearer token (a plain link cannot carry one): fetched with the token,
// then handed to the browser through a short-lived blob link.
import { withToken } from '/skin/auth.js';
import { AccessRefused } from './api.js';
import { plainWords } from './problems.js';

function fileName(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** Resolves to {ok, name, size} once saved, or {ok: false, message} in plain words. */
export async function download(path, fallbackName) {
  const response = await withToken(path);
  if (!response.ok) {
    const text = await response.text();
    let problem = null;
    try { problem = text ? JSON.parse(text) : null; } catch { problem = null; }
    if (response.status === 401 || (response.status === 403 && problem?.code === 'forbidden')) throw new AccessRefused(response.status);
    return { ok: false, message: plainWords(response.status, problem) };
  }
  const blob = await response.blob();
  const name = fileName(response, fallbackName);
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, name, size: blob.size };
}
