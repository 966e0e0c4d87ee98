// The console's calls to the back-office API with the officer's token. A refusal of the account itself (401, or 403
// "forbidden") stops the page: the console shows why instead. Other refusals come back to the page to explain.
import { authorized } from '/skin/auth.js';

export class AccessRefused extends Error {
  constructor(status) {
    super(status === 401 ? 'not signed in' : 'not allowed');
    this.status = status;
  }
}

function refusesTheAccount(status, body) {
  return status === 401 || (status === 403 && (!body || body.code === 'forbidden'));
}

/** Reads a resource; anything but 200 is an error the console shows. */
export async function read(path) {
  const { status, body } = await authorized(path);
  if (refusesTheAccount(status, body)) throw new AccessRefused(status);
  if (status !== 200) throw Object.assign(new Error(`${path}: ${status}`), { status, problem: body });
  return body;
}

/** Sends a command; resolves to {ok, status, body} for the page to explain. */
export async function command(method, path, body) {
  const answer = await authorized(path, { method, body: body === undefined ? undefined : body });
  if (refusesTheAccount(answer.status, answer.body)) throw new AccessRefused(answer.status);
  return { ok: answer.status >= 200 && answer.status < 300, ...answer };
}
