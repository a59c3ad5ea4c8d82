// Admin accounts: list, create, delete, and change the signed-in account's password.

import { accounts } from './api.js';
import { byId, confirmAction, el, utc } from './dom.js';

let page;

export function init(context) {
  page = context;
  byId('account-form').addEventListener('submit', (event) => create(event).catch(page.fail));
  byId('password-form').addEventListener('submit', (event) =>
    changePassword(event).catch(page.fail),
  );
}

export async function load() {
  const list = await accounts.list();
  byId('accounts-table').tBodies[0].replaceChildren(...list.map(row));
}

function row(account) {
  const actions = el('td', { class: 'actions' });
  if (account.username !== page.username()) {
    actions.append(
      el('button', {
        type: 'button',
        text: 'Delete',
        'aria-label': `Delete account ${account.username}`,
        onclick: () => remove(account.username).catch(page.fail),
      }),
    );
  }
  return el(
    'tr',
    { 'data-username': account.username },
    el('td', { text: account.username }),
    el('td', { text: utc(account.createdAt) }),
    actions,
  );
}

async function create(event) {
  event.preventDefault();
  const username = byId('account-username').value.trim();

  await accounts.create(username, byId('account-password').value);

  byId('account-form').reset();
  page.notify(`Created account ${username}.`);
  await load();
}

async function remove(username) {
  const confirmed = await confirmAction(
    `Delete account ${username}? Its sessions stop working at once.`,
    'Delete',
  );
  if (!confirmed) {
    return;
  }

  await accounts.remove(username);

  page.notify(`Deleted account ${username}.`);
  await load();
}

async function changePassword(event) {
  event.preventDefault();

  await accounts.changePassword(byId('password-current').value, byId('password-new').value);

  byId('password-form').reset();
  page.notify('Your password is changed.');
}
