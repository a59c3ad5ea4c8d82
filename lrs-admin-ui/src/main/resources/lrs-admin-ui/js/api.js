// Client of the admin REST API. The session token lives in sessionStorage, so it ends with the
// browser tab and is never written to localStorage or a cookie.

const TOKEN_KEY = 'lrs4j.console.session';
const USER_KEY = 'lrs4j.console.user';

/** The admin API's base URL, relative to the console so that a proxy path prefix keeps working. */
const API_BASE = new URL('../admin/api/', document.baseURI);

/** An error response of the API, or a failure to reach it (status 0). */
export class ApiError extends Error {
  constructor(status, message, requestId) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.requestId = requestId;
  }
}

export function session() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { token, username: sessionStorage.getItem(USER_KEY) ?? '' } : null;
}

function forget() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
}

/** Sends a request and returns the parsed JSON body, or null for 204; throws ApiError. */
async function send(method, url, body) {
  const headers = { Accept: 'application/json' };
  const current = session();
  if (current) {
    headers.Authorization = `Bearer ${current.token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }

  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (cause) {
    throw new ApiError(0, `The server could not be reached: ${cause.message}`);
  }

  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: reported below with the status.
  }
  if (!response.ok) {
    const message = json?.error?.message ?? `HTTP ${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, json?.error?.requestId);
  }
  return json;
}

function api(method, path, body) {
  return send(method, new URL(path, API_BASE), body);
}

export async function login(username, password) {
  const result = await api('POST', 'login', { username, password });
  sessionStorage.setItem(TOKEN_KEY, result.token);
  sessionStorage.setItem(USER_KEY, username);
}

/** Ends the session on the server; the local copy is dropped even when the server call fails. */
export async function logout() {
  try {
    await api('POST', 'logout');
  } finally {
    forget();
  }
}

/** Drops the local session, for when the server rejected the token. */
export function dropSession() {
  forget();
}

const segment = (value) => encodeURIComponent(value);

export const accounts = {
  list: () => api('GET', 'accounts'),
  create: (username, password) => api('POST', 'accounts', { username, password }),
  remove: (username) => api('DELETE', `accounts/${segment(username)}`),
  changePassword: (currentPassword, newPassword) =>
    api('PUT', 'account/password', { currentPassword, newPassword }),
};

export const keys = {
  list: () => api('GET', 'keys'),
  create: (label, scopes, expiresAt) => api('POST', 'keys', { label, scopes, expiresAt }),
  changeScopes: (key, scopes) => api('PUT', `keys/${segment(key)}/scopes`, { scopes }),
  rotate: (key) => api('POST', `keys/${segment(key)}/rotate`),
  revoke: (key) => api('DELETE', `keys/${segment(key)}`),
};

export const audit = {
  /** Returns up to `limit` entries with an id below `before` (0 for the newest). */
  newest: (before, limit) => api('GET', `audit?before=${before}&limit=${limit}`),
};

export const statements = {
  /** Returns a StatementResult for the query parameters, an URLSearchParams. */
  query: (parameters) => api('GET', `statements?${parameters}`),
  /** Follows a `more` link, which is a path on this server. */
  more: (link) => send('GET', new URL(link, document.baseURI)),
  find: (id) => api('GET', `statements?statementId=${encodeURIComponent(id)}`),
};
