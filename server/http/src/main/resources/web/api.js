// The HTTP calls the page makes; README.md lists the fields it reads. Paths are relative to the page's origin.
// Credentials: the session cookie (OpenID Connect) goes with every same-origin call; an API key pasted to sign in is
// kept for this tab only (sessionStorage) and sent as Authorization: Bearer.
import { readEventStream } from './sse.js';

const KEY_STORAGE = 'ibv-advisor.key';
let unauthorized = () => {};

/** The headers that carry the tab's API key, if one was given. */
function credentials(headers) {
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) headers.Authorization = `Bearer ${key}`;
  return headers;
}

/** Keeps key (a string) as this tab's credential, or forgets it (null). */
export function useApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key); else sessionStorage.removeItem(KEY_STORAGE);
}

/** Whether this tab signs in with a pasted key. */
export function usingApiKey() {
  return Boolean(sessionStorage.getItem(KEY_STORAGE));
}

/** Calls handler() whenever the API answers 401 (a session or key that stopped working). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/** An HTTP answer other than 2xx: status, the server's {"error"} text when there is one, Retry-After seconds. */
export class ApiError extends Error {
  constructor(status, message, retryAfterSeconds) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

async function failure(response) {
  let message = `HTTP ${response.status}`;
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') message = body.error;
  } catch { /* not JSON: keep the status line */ }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(response.status, message, Number.isFinite(retryAfter) ? retryAfter : null);
}

async function json(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: credentials({ Accept: 'application/json' }) };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    if (response.status === 401 && path.startsWith('/api/') && path !== '/api/me') unauthorized();
    throw await failure(response);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  me: () => json('GET', '/api/me'),
  authOptions: () => json('GET', '/auth/options'),
  logout: () => json('POST', '/auth/logout'),
  reports: () => json('GET', '/api/reports'),
  reportText: id => json('GET', `/api/reports/${encodeURIComponent(id)}/text`),
  conversations: () => json('GET', '/api/conversations'),
  conversation: id => json('GET', `/api/conversations/${encodeURIComponent(id)}`),
  rename: (id, title) => json('PATCH', `/api/conversations/${encodeURIComponent(id)}`, { title }),
  remove: id => json('DELETE', `/api/conversations/${encodeURIComponent(id)}`),
  feedback: (messageId, rating, comment) =>
    json('POST', '/api/feedback', comment ? { messageId, rating, comment } : { messageId, rating }),

  /**
   * Asks a question over /api/chat and calls handlers.passages / token / done / error with each event's
   * parsed JSON. Resolves when the stream ends; rejects with ApiError for a non-2xx answer, or with the
   * fetch error (AbortError when signal aborts).
   */
  async chat({ question, conversationId, reports }, handlers, signal) {
    const body = { question };
    if (conversationId) body.conversationId = conversationId;
    if (reports && reports.length) body.reports = reports;
    const response = await fetch('/api/chat', {
      method: 'POST',
      // Javalin's SSE handler answers only requests that accept text/event-stream.
      headers: credentials({ Accept: 'text/event-stream', 'Content-Type': 'application/json' }),
      credentials: 'same-origin',
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok) {
      if (response.status === 401) unauthorized();
      throw await failure(response);
    }
    await readEventStream(response, ({ event, data }) => {
      const handler = handlers[event];
      if (!handler) return;
      let payload;
      try { payload = JSON.parse(data); } catch { payload = { text: data }; }
      handler(payload);
    });
  },
};
