import {
  events as eventSchemas,
  fail,
  type CareDeskBridge,
  type ChannelName,
  type EventName,
  type EventPayload,
  type InputOf,
  type OutputOf,
  type Result,
} from '../../shared/contract';
import { coreMessage } from '../../shared/i18n';

/**
 * The loopback HTTP transport of the contract, for the browser test host only (`npm run dev:web`, E2E).
 * Compiled into the `web` build alone. The per-run token arrives in the URL fragment (`#token=…`, never sent
 * to a server or written to logs), is kept in sessionStorage and removed from the address bar.
 */
const TOKEN_KEY = 'caredesk.hostToken';
const CONNECTION_KEY = 'caredesk.connection';

export interface HttpBridgeEnv {
  location: Pick<Location, 'hash' | 'origin' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  fetch: typeof fetch;
}

type Listener = (payload: unknown) => void;

export function createHttpBridge(env: HttpBridgeEnv = browserEnv()): CareDeskBridge {
  const token = takeToken(env);
  // One connection id per tab (sessionStorage is per tab): a reload keeps the tab signed in, like a window.
  let connectionId = env.storage.getItem(CONNECTION_KEY);
  if (!connectionId) {
    connectionId = globalThis.crypto.randomUUID();
    env.storage.setItem(CONNECTION_KEY, connectionId);
  }
  const headers = { Authorization: `Bearer ${token}`, 'X-CareDesk-Connection': connectionId };
  const listeners = new Map<string, Set<Listener>>();
  let streaming = false;

  async function invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
    let response: Response;
    try {
      response = await env.fetch(`${env.location.origin}/api/invoke`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel, input }),
      });
    } catch {
      return fail('INTERNAL', coreMessage('core.unreachable'));
    }
    if (response.status === 401) return fail('UNAUTHENTICATED', coreMessage('core.badToken'));
    try {
      const body: unknown = await response.json();
      if (isResult(body)) return body as Result<OutputOf<C>>;
    } catch {
      // fall through: not JSON
    }
    return fail('INTERNAL', coreMessage('core.badReply'));
  }

  function dispatch(event: string, data: string): void {
    const set = listeners.get(event);
    if (!set || !Object.prototype.hasOwnProperty.call(eventSchemas, event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = eventSchemas[event as EventName].safeParse(payload);
    if (parsed.success) for (const listener of set) listener(parsed.data);
  }

  /** Server-sent events read with fetch (EventSource cannot send the Authorization header); reconnects. */
  async function stream(): Promise<void> {
    let backoffMs = 500;
    for (;;) {
      try {
        const response = await env.fetch(`${env.location.origin}/api/events`, { headers });
        if (!response.ok || !response.body) throw new Error(`events ${response.status}`);
        backoffMs = 500;
        await readEvents(response.body, dispatch);
      } catch {
        // host restarted or gone: retry below
      }
      await new Promise((resolve) => setTimeout(resolve, backoffMs));
      backoffMs = Math.min(backoffMs * 2, 10_000);
    }
  }

  return {
    invoke,
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const wrapped = listener as Listener;
      set.add(wrapped);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => set.delete(wrapped);
    },
  };
}

/** Parses an SSE byte stream into (event, data) pairs until it ends. */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent(event, data.join('\n'));
    }
  }
}

function takeToken(env: HttpBridgeEnv): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(env.location.hash);
  if (match) {
    env.storage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    // Keep the token out of the address bar, bookmarks and screenshots.
    env.history.replaceState(null, '', env.location.pathname + env.location.search);
  }
  return env.storage.getItem(TOKEN_KEY) ?? '';
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const ok = (body as { ok: unknown }).ok;
  return ok === true
    ? 'value' in body
    : ok === false && typeof (body as { code?: unknown }).code === 'string';
}

function browserEnv(): HttpBridgeEnv {
  return {
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    fetch: window.fetch.bind(window),
  };
}
