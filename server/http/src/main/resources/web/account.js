// Who is signed in (GET /api/me) and signing in when the advisor asks for it (GET /auth/options): a pasted API key,
// kept for this tab only, or the organisation's sign-in (OpenID Connect, /auth/login); the name and a sign-out in the
// sidebar. With nothing configured the advisor's one local user is signed in already and nothing is shown.
import { api, useApiKey, usingApiKey, onUnauthorized } from './api.js';
import { state, t } from './state.js';
import { ui } from './dom.js';

let options = { required: false, oidc: false, keys: false };
let signingIn = null;

/** The sidebar's account line: who is signed in, and a sign-out where the page can sign out. */
export function renderAccount() {
  const user = state.user;
  ui.account.hidden = !user || user.auth === 'local';
  if (ui.account.hidden) return;
  ui.accountName.textContent = t('signedInAs', { user: user.name ?? user.user });
  ui.accountName.title = user.email ?? user.user;
  ui.signOut.hidden = !(user.auth === 'oidc' || (user.auth === 'key' && usingApiKey()));
}

/** Asks for a key or the organisation's sign-in; resolves once a key was given (it may still be wrong). */
function askToSignIn(rejected) {
  ui.signInKeyArea.hidden = !options.keys;
  ui.signInSubmit.hidden = !options.keys;
  ui.signInOidc.hidden = !options.oidc;
  ui.signInError.hidden = !rejected;
  ui.signInError.textContent = rejected ? t('signInRejected') : '';
  if (!ui.signInDialog.open) ui.signInDialog.showModal();
  (options.keys ? ui.signInKey : ui.signInOidc).focus();
  return new Promise(resolve => {
    ui.signInForm.onsubmit = event => {
      event.preventDefault();
      const key = ui.signInKey.value.trim();
      if (!key) return;
      ui.signInKey.value = '';
      useApiKey(key);
      resolve();
    };
  });
}

async function resolveUser() {
  try {
    options = (await api.authOptions()) ?? options;
  } catch { /* a server without sign-in routes: nothing to sign in to */ }
  let rejected = false;
  for (;;) {
    try {
      state.user = await api.me();
      break;
    } catch (error) {
      if (error.status !== 401) { state.user = null; break; } // a server without /api/me
      rejected = usingApiKey();
      useApiKey(null);
      await askToSignIn(rejected);
    }
  }
  if (ui.signInDialog.open) ui.signInDialog.close();
  renderAccount();
}

/** Resolves once the page may call the API: the user is known (signed in now if the advisor asked for it). */
export function signIn() {
  signingIn ??= resolveUser().finally(() => { signingIn = null; });
  return signingIn;
}

async function signOut() {
  if (usingApiKey()) {
    useApiKey(null);
  } else {
    try { await api.logout(); } catch { /* the session is gone either way once the page reloads */ }
  }
  location.reload();
}

export function wireAccount() {
  ui.signOut.addEventListener('click', signOut);
  ui.signInOidc.addEventListener('click', () => location.assign('/auth/login'));
  ui.signInDialog.addEventListener('cancel', event => event.preventDefault()); // no page without a sign-in
  onUnauthorized(() => { signIn(); });
}
