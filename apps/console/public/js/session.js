/**
 * Sign-in with an API token: POST /api/session turns it into an HttpOnly cookie, so the
 * token is never kept by the page; DELETE /api/session signs out.
 */
import { ApiError, errorText, request } from './api.js';
import { byId } from './dom.js';

/**
 * @param {() => void} onSignedIn
 */
export function bindSignInForm(onSignedIn) {
  const form = /** @type {HTMLFormElement} */ (byId('signin-form'));
  const input = /** @type {HTMLInputElement} */ (byId('signin-token'));
  const message = byId('signin-message');
  const button = /** @type {HTMLButtonElement} */ (form.querySelector('button'));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    button.disabled = true;
    message.textContent = 'Signing in…';
    message.className = 'small';
    request('POST', '/api/session', { token })
      .then(() => {
        input.value = '';
        message.textContent = '';
        onSignedIn();
      })
      .catch((err) => {
        message.textContent =
          err instanceof ApiError && err.status === 401
            ? 'That token was not accepted.'
            : `Could not sign in: ${errorText(err)}`;
        message.className = 'small error';
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}

/**
 * @param {string} [notice] shown above the form, e.g. why the session ended
 */
export function showSignIn(notice = '') {
  byId('app').hidden = true;
  byId('signin').hidden = false;
  const message = byId('signin-message');
  message.textContent = notice;
  message.className = notice ? 'small error' : 'small';
  byId('signin-token').focus();
}

export async function signOut() {
  await request('DELETE', '/api/session').catch(() => undefined);
}
