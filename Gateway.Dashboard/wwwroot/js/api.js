// HTTP client of the dashboard API: Bearer token from sessionStorage, problem documents as ApiError,
// and one place that turns any 401 into "session ended".

const TOKEN_KEY = 'oa.token';

let sessionEnded = () => {};

/** Registers what happens when the API answers 401 to a signed-in call. */
export function onSessionEnded(handler) { sessionEnded = handler; }

export const getToken = () => sessionStorage.getItem(TOKEN_KEY);
export const setToken = token => sessionStorage.setItem(TOKEN_KEY, token);
export const clearToken = () => sessionStorage.removeItem(TOKEN_KEY);

/** A refused request: status, the problem's title (fit to show) and its field errors. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.title || `The request failed (HTTP ${status}).`);
    this.status = status;
    this.errors = problem?.errors ?? {};
    this.retryAfter = retryAfter;
  }

  /** The title followed by the field messages, as one sentence block. */
  get details() {
    const fields = Object.values(this.errors).flat().filter(m => m && m !== this.message);
    return [this.message, ...fields].join(' ');
  }
}

/** The session ended (401); the login view is already showing, so callers show nothing. */
export class SessionEndedError extends ApiError {}

async function send(method, path, body, { anonymous = false } = {}) {
  const headers = { Accept: 'application/json' };
  const token = getToken();
  if (token && !anonymous) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new ApiError(0, { title: 'The dashboard could not be reached. Check your connection and try again.' });
  }
  if (response.ok) return response;
  const problem = await readProblem(response);
  const retryAfter = Number(response.headers.get('Retry-After')) || null;
  if (response.status === 401 && !anonymous) {
    clearToken();
    sessionEnded();
    throw new SessionEndedError(401, problem, retryAfter);
  }
  throw new ApiError(response.status, problem, retryAfter);
}

// The body is always read to the end, so no answer is left half-received.
async function readProblem(response) {
  try {
    const text = await response.text();
    return (response.headers.get('Content-Type') || '').includes('json') && text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

async function json(response) {
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = async path => json(await send('GET', path));
export const post = async (path, body) => json(await send('POST', path, body ?? {}));
export const put = async (path, body) => json(await send('PUT', path, body ?? {}));
export const del = async path => json(await send('DELETE', path));

/** POST /dashboard/login without any stored token; 401 here means wrong credentials, not a lost session. */
export const login = async (username, password) =>
  json(await send('POST', '/dashboard/login', { username, password }, { anonymous: true }));

/** Fetches a file with the Bearer header and saves it through a temporary download link. */
export async function download(path, fallbackName) {
  const response = await send('GET', path);
  const blob = await response.blob();
  const name = fileName(response.headers.get('Content-Disposition')) || fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileName(disposition) {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

/** Builds "path?a=1&b=2", leaving out empty values. */
export function query(path, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
