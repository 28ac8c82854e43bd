// Thin JSON client of the HTTP API: every failure becomes an Error whose message is the
// server's `error` field (never a stack trace).

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const TOKEN_KEY = 'xcomponent.token';

/** The bearer token the operator entered for this tab, or null (open servers need none). */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** `url` with the token as `access_token`, for what the browser loads itself (images, WebSocket). */
export function authed(url) {
  const t = token();
  if (!t) return url;
  return `${url}${url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(t)}`;
}

async function send(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (token()) init.headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached');
  }
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (response.status === 401) window.dispatchEvent(new CustomEvent('xc:auth-required'));
  if (!response.ok) {
    throw new ApiError(response.status, json?.code ?? 'HTTP_' + response.status,
      json?.error ?? `Request failed (${response.status})`);
  }
  return json ?? {};
}

export const api = {
  get: (path) => send('GET', path),
  post: (path, body) => send('POST', path, body ?? {}),
};

/** Builds `path?k=v…` from the non-empty values of `params`. */
export function withQuery(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const enc = encodeURIComponent;
