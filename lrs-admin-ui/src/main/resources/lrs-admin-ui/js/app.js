// Entry point: sign-in, sign-out, the section tabs and the shared error and notice banners.

import * as api from './api.js';
import { byId, show } from './dom.js';
import * as keysView from './keys.js';
import * as accountsView from './accounts.js';
import * as auditView from './audit.js';
import * as statementsView from './statements.js';

const views = {
  keys: keysView,
  accounts: accountsView,
  audit: auditView,
  statements: statementsView,
};

const page = {
  /** Shows an API error; a rejected session token sends the operator back to sign-in. */
  fail(error) {
    if (error instanceof api.ApiError && error.status === 401) {
      api.dropSession();
      showLogin(`Your session has ended: ${error.message}. Sign in again.`);
      return;
    }
    const reference = error.requestId ? ` (request id ${error.requestId})` : '';
    byId('error').textContent = `${error.message}${reference}`;
    show(byId('notice'), false);
    show(byId('error'), true);
  },

  notify(text) {
    byId('notice').textContent = text;
    show(byId('error'), false);
    show(byId('notice'), true);
  },

  clear() {
    show(byId('error'), false);
    show(byId('notice'), false);
  },

  username() {
    return api.session()?.username ?? '';
  },
};

/** Shows the sign-in form with an optional error, or with a notice when `notice` is given. */
function showLogin(error, notice) {
  show(byId('app-view'), false);
  show(byId('session'), false);
  show(byId('login-view'), true);
  byId('login-error').textContent = error ?? '';
  show(byId('login-error'), Boolean(error));
  byId('login-notice').textContent = notice ?? '';
  show(byId('login-notice'), Boolean(notice));
  byId('login-password').value = '';
  byId('login-username').focus();
}

function showApp() {
  show(byId('login-view'), false);
  byId('session-user').textContent = page.username();
  show(byId('session'), true);
  show(byId('app-view'), true);
  select('keys');
}

function select(name) {
  page.clear();
  for (const tab of document.querySelectorAll('.tab')) {
    const current = tab.dataset.view === name;
    tab.setAttribute('aria-current', current ? 'page' : 'false');
  }
  for (const [viewName, view] of Object.entries(views)) {
    show(byId(`${viewName}-view`), viewName === name);
    if (viewName === name) {
      view.load().catch(page.fail);
    }
  }
}

async function signIn(event) {
  event.preventDefault();
  const button = byId('login-submit');
  button.disabled = true;
  try {
    await api.login(byId('login-username').value.trim(), byId('login-password').value);
    byId('login-password').value = '';
    showApp();
  } catch (error) {
    showLogin(
      error.status === 401 ? 'Sign-in failed: unknown user name or wrong password.' : error.message,
    );
  } finally {
    button.disabled = false;
  }
}

async function signOut() {
  try {
    await api.logout();
    showLogin(undefined, 'You are signed out.');
  } catch (error) {
    showLogin(`Signed out here, but the server reported: ${error.message}`);
  }
}

function start() {
  for (const view of Object.values(views)) {
    view.init(page);
  }
  byId('login-form').addEventListener('submit', signIn);
  byId('logout').addEventListener('click', signOut);
  for (const tab of document.querySelectorAll('.tab')) {
    tab.addEventListener('click', () => select(tab.dataset.view));
  }

  if (api.session()) {
    showApp();
  } else {
    showLogin();
  }
}

start();
