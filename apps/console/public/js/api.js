/**
 * Every call to the platform goes through here: the session cookie rides along
 * (credentials: 'same-origin'), a 401 anywhere tells the shell to show the sign-in form,
 * and every failure becomes an ApiError whose message a panel can show as it is.
 */

export const UNAUTHORIZED_EVENT = 'console:unauthorized';

export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status 0 when the server could not be reached
   */
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/**
 * @param {Response} res
 * @returns {Promise<string>}
 */
async function serverMessage(res) {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    return String(message ?? body.error ?? text);
  } catch {
    return text.slice(0, 200);
  }
}

/** @param {number} status */
function statusSentence(status) {
  if (status === 401) return 'Your session has ended; please sign in again.';
  if (status === 403) return "Your token's role is not allowed to do this.";
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'The platform had an internal error.';
  return 'The request was refused.';
}

/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
export async function request(method, path, body) {
  /** @type {RequestInit} */
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }

  let res;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError('The platform cannot be reached (network error).', 0);
  }

  if (res.status === 401 && path !== '/api/session') {
    window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
  }
  if (!res.ok) {
    const detail = await serverMessage(res);
    const sentence = statusSentence(res.status);
    const suffix = detail ? `: ${detail}` : '';
    throw new ApiError(`${sentence} (HTTP ${res.status}${suffix})`, res.status);
  }

  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(`The platform sent a response that is not JSON (${path}).`, res.status);
  }
}

/** @param {string} path */
export const getJson = (path) => request('GET', path);

/**
 * @param {string} path
 * @param {unknown} [body]
 */
export const postJson = (path, body) => request('POST', path, body ?? {});

/**
 * @param {string} path
 * @param {Record<string, string | number | undefined>} params
 */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** @param {unknown} err */
export function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}
