// The statement browser: filters, paging with the StatementResult's `more` link, and the JSON of
// one statement.

import { statements } from './api.js';
import { byId, el, isoFromLocalInput, show, utc } from './dom.js';

let page;
let moreLink = '';

export function init(context) {
  page = context;
  byId('statement-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    search().catch(page.fail);
  });
  byId('statement-filter').addEventListener('reset', () => {
    byId('statements-table').tBodies[0].replaceChildren();
    show(byId('statements-more'), false);
    show(byId('statements-empty'), false);
  });
  byId('statements-more').addEventListener('click', () => more().catch(page.fail));
  byId('statement-close').addEventListener('click', () => show(byId('statement-detail'), false));
}

export function load() {
  return search();
}

/** Builds the query parameters of GET /statements from the filter form. */
function parameters() {
  const query = new URLSearchParams();
  const agent = byId('filter-agent').value.trim();
  if (agent) {
    query.set('agent', agentJson(agent));
  }
  for (const name of ['verb', 'activity', 'registration']) {
    const value = byId(`filter-${name}`).value.trim();
    if (value) {
      query.set(name, value);
    }
  }
  for (const name of ['since', 'until']) {
    const value = isoFromLocalInput(byId(`filter-${name}`).value);
    if (value) {
      query.set(name, value);
    }
  }
  query.set('limit', byId('filter-limit').value || '25');
  return query;
}

/** Turns `learner@example.com` or `mailto:learner@example.com` into an Agent; keeps JSON as is. */
function agentJson(value) {
  if (value.startsWith('{')) {
    return value;
  }
  const mbox = value.startsWith('mailto:') ? value : `mailto:${value}`;
  return JSON.stringify({ mbox });
}

async function search() {
  show(byId('statement-detail'), false);
  const result = await statements.query(parameters());
  byId('statements-table').tBodies[0].replaceChildren();
  append(result);
  show(byId('statements-empty'), result.statements.length === 0);
}

async function more() {
  const result = await statements.more(moreLink);
  append(result);
}

function append(result) {
  byId('statements-table').tBodies[0].append(...result.statements.map(row));
  moreLink = result.more ?? '';
  show(byId('statements-more'), moreLink !== '');
}

function row(statement) {
  return el(
    'tr',
    { 'data-id': statement.id },
    el('td', { text: utc(statement.stored) }),
    el('td', { text: actorName(statement.actor) }),
    el('td', { text: verbName(statement.verb) }),
    el('td', { text: objectName(statement.object) }),
    el(
      'td',
      {},
      el('button', {
        type: 'button',
        text: 'View JSON',
        'aria-label': `View the JSON of statement ${statement.id}`,
        onclick: () => view(statement),
      }),
    ),
  );
}

function view(statement) {
  byId('statement-detail-id').textContent = statement.id;
  byId('statement-json').textContent = JSON.stringify(statement, null, 2);
  show(byId('statement-detail'), true);
  byId('statement-json').focus();
}

function actorName(actor) {
  if (!actor) {
    return '';
  }
  const identifier =
    actor.mbox ??
    actor.mbox_sha1sum ??
    actor.openid ??
    (actor.account ? `${actor.account.name} at ${actor.account.homePage}` : '');
  return actor.name ? `${actor.name} (${identifier || actor.objectType})` : identifier;
}

function verbName(verb) {
  const display = verb?.display ? Object.values(verb.display)[0] : undefined;
  return display ? `${display} (${verb.id})` : (verb?.id ?? '');
}

function objectName(object) {
  if (!object) {
    return '';
  }
  if (object.objectType === 'Agent' || object.objectType === 'Group') {
    return actorName(object);
  }
  if (object.objectType === 'StatementRef') {
    return `statement ${object.id}`;
  }
  if (object.objectType === 'SubStatement') {
    return 'sub-statement';
  }
  const name = object.definition?.name ? Object.values(object.definition.name)[0] : undefined;
  return name ? `${name} (${object.id})` : object.id;
}
