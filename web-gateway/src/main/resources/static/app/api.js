// The one way the pages talk to Story Bank: the JSON API through this gateway, with the signed-in
// user's bearer token. The tokens live in sessionStorage (this tab only, gone when it closes); no
// cookie is ever sent, so there is nothing for cross-site requests to ride on.

const KEY = 'storybank.session';

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function saveSession(value) {
  sessionStorage.setItem(KEY, JSON.stringify(value));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}

/** A refused or failed call: the HTTP status and the problem+json body, when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `the server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function send(method, path, body, headers, token) {
  const all = { Accept: 'application/json, application/problem+json', ...headers };
  const raw = body instanceof Blob || typeof body === 'string';
  if (body !== undefined && !all['Content-Type']) all['Content-Type'] = 'application/json';
  if (token) all.Authorization = `Bearer ${token}`;
  return fetch(path, {
    method,
    headers: all,
    body: body === undefined || raw ? body : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
}

async function read(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

let refreshing = null;

async function refresh() {
  const current = session();
  if (!current || !current.refreshToken) return false;
  refreshing ??= (async () => {
    const response = await send('POST', '/api/auth/refresh', { refreshToken: current.refreshToken }, {});
    if (!response.ok) return false;
    const tokens = await read(response);
    saveSession({ ...current, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Calls the API as the signed-in user. An expired access token is refreshed once; without a
 * session, or when refreshing fails, the user is sent to the sign-in page. A body that is a string
 * or a Blob (a file) goes as it is, with the Content-Type given in `headers`; `file: true` answers
 * the response body as a Blob with the name the server gave it, instead of JSON.
 */
export async function api(method, path, { body, headers = {}, anonymous = false, file = false } = {}) {
  const token = anonymous ? null : session()?.accessToken;
  if (!anonymous && !token) {
    toSignIn();
    throw new ApiError(401, { detail: 'not signed in' });
  }
  // a creating call carries a key of its own, so that sending it again (after a refresh) can
  // never create a second story: the gateway answers the first result
  if (method === 'POST' && !anonymous) headers = { 'Idempotency-Key': newKey(), ...headers };
  let response = await send(method, path, body, headers, token);
  if (response.status === 401 && !anonymous && (await refresh())) {
    response = await send(method, path, body, headers, session().accessToken);
  }
  if (response.status === 401 && !anonymous) {
    clearSession();
    toSignIn();
  }
  if (file && response.ok) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] || 'storybank';
    return { status: response.status, data: await response.blob(), name, headers: response.headers };
  }
  const data = await read(response);
  if (!response.ok) throw new ApiError(response.status, data);
  return { status: response.status, data, headers: response.headers };
}

function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function toSignIn() {
  location.assign('/?signedOut=expired');
}

export async function signIn(email, password) {
  const { data } = await api('POST', '/api/auth/login', { body: { email, password }, anonymous: true });
  saveSession({ accessToken: data.accessToken, refreshToken: data.refreshToken, email });
  const me = await api('GET', '/api/me');
  saveSession({ ...session(), userId: me.data.userId, role: me.data.role, cohortIds: me.data.cohortIds });
  return me.data;
}

export async function signOut() {
  const current = session();
  clearSession();
  if (current && current.refreshToken) {
    try {
      await send('POST', '/api/auth/logout', { refreshToken: current.refreshToken }, {});
    } catch {
      // signed out here either way; the access token runs out on its own
    }
  }
  location.assign('/?signedOut=yes');
}
