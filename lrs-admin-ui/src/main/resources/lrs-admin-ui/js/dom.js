// Small DOM helpers. Text always goes in through textContent, never innerHTML, so values from the
// server cannot inject markup.

export const byId = (id) => document.getElementById(id);

/** Creates an element with attributes (and `text` for its text) and child nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children);
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

/** Formats an ISO 8601 time as `YYYY-MM-DD HH:MM:SS` in UTC, or a dash when absent. */
export function utc(iso) {
  if (!iso) {
    return '—';
  }
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) {
    return iso;
  }
  return time.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '').replace('Z', '');
}

/** Converts the value of a datetime-local input, read as UTC, to ISO 8601; null when empty. */
export function isoFromLocalInput(value) {
  if (!value) {
    return null;
  }
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return `${withSeconds}Z`;
}

/**
 * Asks a yes/no question in the modal dialog and resolves to true when the operator confirms.
 */
export function confirmAction(question, confirmLabel) {
  const dialog = byId('confirm-dialog');
  byId('confirm-text').textContent = question;
  byId('confirm-yes').textContent = confirmLabel;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    byId('confirm-no').focus();
  });
}
