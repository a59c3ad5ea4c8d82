// API keys: list, create with label, scopes and expiry, change scopes, rotate and revoke. A new
// secret is shown once, in the secret panel, until the operator hides it.

import { keys } from './api.js';
import { byId, confirmAction, el, isoFromLocalInput, show, utc } from './dom.js';

/** The xAPI scopes the server accepts, with what each allows. */
const SCOPES = [
  ['statements/write', 'store statements'],
  ['statements/read/mine', 'read the statements this key stored'],
  ['statements/read', 'read all statements'],
  ['all/read', 'read everything'],
  ['state', 'read and write the State resource'],
  ['profile', 'read and write the Agent and Activity Profile resources'],
  ['define', 'define activities'],
  ['all', 'everything'],
];

let page;
let editedKey = null;

export function init(context) {
  page = context;
  fillScopes(byId('key-scopes'), 'scope', ['statements/write']);
  fillScopes(byId('scopes-edit'), 'edit-scope', []);
  byId('key-form').addEventListener('submit', (event) => run(create(event)));
  byId('secret-copy').addEventListener('click', copySecret);
  byId('secret-done').addEventListener('click', hideSecret);
  byId('scopes-dialog').addEventListener('close', () => run(saveScopes()));
}

export async function load() {
  const list = await keys.list();
  const rows = list
    .slice()
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map(row);
  byId('keys-table').tBodies[0].replaceChildren(...rows);
}

function run(promise) {
  promise.catch(page.fail);
}

function fillScopes(fieldset, prefix, checked) {
  for (const [scope, meaning] of SCOPES) {
    const id = `${prefix}-${scope.replaceAll('/', '-')}`;
    const box = el('input', {
      type: 'checkbox',
      id,
      name: prefix,
      value: scope,
      checked: checked.includes(scope),
    });
    const label = el('label', { for: id }, el('code', { text: scope }), ` — ${meaning}`);
    fieldset.append(el('div', { class: 'scope' }, box, label));
  }
}

function checkedScopes(fieldset) {
  return [...fieldset.querySelectorAll('input:checked')].map((box) => box.value);
}

function row(key) {
  const state = key.revoked ? 'revoked' : expired(key) ? 'expired' : 'active';
  const actions = el('td', { class: 'actions' });
  if (!key.revoked) {
    actions.append(
      button('Change scopes', `Change the scopes of key ${key.key}`, () => editScopes(key)),
      button('Rotate', `Rotate the secret of key ${key.key}`, () => run(rotate(key))),
      button('Revoke', `Revoke key ${key.key}`, () => run(revoke(key))),
    );
  }
  return el(
    'tr',
    { 'data-key': key.key },
    el('td', {}, el('code', { text: key.key })),
    el('td', { text: key.label }),
    el('td', { class: 'scope-list', text: key.scopes.join(', ') }),
    el('td', { text: key.owner ?? '—' }),
    el('td', { text: utc(key.createdAt) }),
    el('td', { text: utc(key.expiresAt) }),
    el('td', { class: `state ${state}`, text: state }),
    actions,
  );
}

function button(text, label, onclick) {
  return el('button', { type: 'button', 'aria-label': label, text, onclick });
}

function expired(key) {
  return key.expiresAt !== null && new Date(key.expiresAt) <= new Date();
}

async function create(event) {
  event.preventDefault();
  const scopes = checkedScopes(byId('key-scopes'));
  if (scopes.length === 0) {
    page.fail(new Error('Choose at least one scope for the new key.'));
    return;
  }
  const expiresAt = isoFromLocalInput(byId('key-expires').value);

  const created = await keys.create(byId('key-label').value.trim(), scopes, expiresAt);

  byId('key-form').reset();
  showSecret(created);
  page.notify(`Created key ${created.key}.`);
  await load();
}

function editScopes(key) {
  editedKey = key.key;
  byId('scopes-key').textContent = key.key;
  for (const box of byId('scopes-edit').querySelectorAll('input')) {
    box.checked = key.scopes.includes(box.value);
  }
  const dialog = byId('scopes-dialog');
  dialog.returnValue = '';
  dialog.showModal();
}

async function saveScopes() {
  const dialog = byId('scopes-dialog');
  const key = editedKey;
  editedKey = null;
  if (dialog.returnValue !== 'save' || key === null) {
    return;
  }
  const scopes = checkedScopes(byId('scopes-edit'));
  if (scopes.length === 0) {
    page.fail(new Error(`Scopes of key ${key} unchanged: a key needs at least one scope.`));
    return;
  }

  const changed = await keys.changeScopes(key, scopes);

  page.notify(`Key ${changed.key} now has the scopes ${changed.scopes.join(', ')}.`);
  await load();
}

async function rotate(key) {
  const confirmed = await confirmAction(
    `Rotate key ${key.key}? Its current secret stops working at once.`,
    'Rotate',
  );
  if (!confirmed) {
    return;
  }

  const rotated = await keys.rotate(key.key);

  showSecret(rotated);
  page.notify(`Rotated key ${rotated.key}; the old secret no longer works.`);
  await load();
}

async function revoke(key) {
  const confirmed = await confirmAction(
    `Revoke key ${key.key}? Clients using it get 401 from now on, and it cannot be restored.`,
    'Revoke',
  );
  if (!confirmed) {
    return;
  }

  await keys.revoke(key.key);

  page.notify(`Revoked key ${key.key}.`);
  await load();
}

function showSecret(created) {
  byId('secret-key').textContent = created.key;
  byId('secret-value').value = created.secret;
  show(byId('secret-copied'), false);
  show(byId('secret-panel'), true);
  byId('secret-value').focus();
  byId('secret-value').select();
}

function hideSecret() {
  byId('secret-value').value = '';
  byId('secret-key').textContent = '';
  show(byId('secret-panel'), false);
}

async function copySecret() {
  const field = byId('secret-value');
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    // The Clipboard API needs a secure context (HTTPS or localhost); selecting is the fallback.
    field.select();
    if (!document.execCommand('copy')) {
      page.fail(new Error('Copying failed: the secret is selected, copy it with the keyboard.'));
      return;
    }
  }
  show(byId('secret-copied'), true);
}
