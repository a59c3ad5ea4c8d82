// The audit log, newest first, one page of entries at a time.

import { audit } from './api.js';
import { byId, el, show, utc } from './dom.js';

const PAGE_SIZE = 100;

let page;
let oldestId = 0;

export function init(context) {
  page = context;
  byId('audit-older').addEventListener('click', () => loadPage(oldestId).catch(page.fail));
}

export function load() {
  byId('audit-table').tBodies[0].replaceChildren();
  return loadPage(0);
}

async function loadPage(before) {
  const entries = await audit.newest(before, PAGE_SIZE);

  byId('audit-table').tBodies[0].append(...entries.map(row));
  if (entries.length > 0) {
    oldestId = entries[entries.length - 1].id;
  }
  show(byId('audit-older'), entries.length === PAGE_SIZE);
}

function row(entry) {
  return el(
    'tr',
    {},
    el('td', { text: utc(entry.at) }),
    el('td', { text: entry.actor }),
    el('td', { text: entry.action }),
    el('td', { text: entry.target ?? '' }),
    el('td', { text: entry.address ?? '' }),
  );
}
