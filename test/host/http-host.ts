import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fail, type EventName, type EventPayload } from '../../shared/contract';
import { createCore, type Core } from '../../src-main/core/core';
import { stderrLogger, type Logger } from '../../src-main/core/log';
import type { Argon2Params } from '../../src-main/security/kdf';
import { resolveStatic, sendStatic } from './static-files';

/**
 * The browser test host: the real core and a real encrypted database behind a loopback HTTP transport of the
 * contract, serving the web build of the renderer (`out/renderer-web`). For `npm run dev:web` and E2E only —
 * nothing in src-main imports it, so the packaged app can never start it.
 *
 * - binds 127.0.0.1 only, and refuses other peers and Host headers (DNS rebinding) anyway;
 * - a random per-run token is required on every /api request (401 otherwise; constant-time comparison);
 * - `POST /api/invoke` {channel, input} → core.dispatch(connection, channel, input) → the core's Result;
 * - `GET /api/events`: server-sent events for one connection (`X-CareDesk-Connection`, one per browser tab).
 */

/** The renderer's CSP (src-renderer/index.html), sent as a header too, plus what only a header can say. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'";
const HEADER_CSP = `${CSP}; frame-ancestors 'none'; form-action 'none'`;

// A document upload (at most 20 MB, as base64 in JSON: about 27 MB) must fit; anything else is far smaller.
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
const CONNECTION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const LOOPBACK = new Set(['127.0.0.1', '::ffff:127.0.0.1', '::1']);
const HEARTBEAT_MS = 15_000;

export interface HttpHostOptions {
  dataDir: string;
  /** The built web renderer (vite build --mode web). */
  staticDir: string;
  /** Login KDF for new key slots; tests pass FLOOR_KDF for speed, dev:web keeps the real one. */
  kdf?: Argon2Params;
  /** 0 (default) = any free port. */
  port?: number;
  logger?: Logger;
  appVersion?: string;
  maxBodyBytes?: number;
}

export interface HttpHost {
  /** Open this in a browser: it carries the token in the fragment, which never reaches a server log. */
  url: string;
  origin: string;
  token: string;
  port: number;
  core: Core;
  close(): Promise<void>;
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  if (!existsSync(join(options.staticDir, 'index.html'))) {
    throw new Error(
      `${options.staticDir}/index.html is missing: build the web renderer first (npx vite build --mode web)`,
    );
  }
  const logger = options.logger ?? stderrLogger;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const token = randomBytes(32).toString('base64url');
  const tokenDigest = digest(token);
  const streams = new Map<string, Set<ServerResponse>>();

  const core = createCore({
    dataDir: options.dataDir,
    logger,
    appVersion: options.appVersion ?? packageVersion(),
    ...(options.kdf ? { kdf: options.kdf } : {}),
    emit: <E extends EventName>(connectionId: string, event: E, payload: EventPayload<E>) => {
      for (const res of streams.get(connectionId) ?? [])
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
  });

  let port = 0;
  const server = createServer((req, res) => {
    setCommonHeaders(res);
    handle(req, res).catch(() => {
      logger.error('host.request_failed');
      if (!res.headersSent)
        sendJson(res, 500, fail('INTERNAL', 'The test host failed to handle the request.'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return sendText(res, 403, 'loopback only');
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
      return sendText(res, 421, 'unexpected Host header');
    }
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/')) return api(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
    const file = resolveStatic(options.staticDir, path);
    if (!file) return sendText(res, 404, 'not found');
    sendStatic(res, file, req.method === 'HEAD');
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!authorized(req.headers.authorization, tokenDigest)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendJson(res, 401, fail('UNAUTHENTICATED', 'The test host token is missing or wrong.'));
    }
    const connectionId = req.headers['x-caredesk-connection'];
    if (typeof connectionId !== 'string' || !CONNECTION_ID.test(connectionId)) {
      return sendJson(
        res,
        400,
        fail('VALIDATION', 'X-CareDesk-Connection must be 8–64 letters, digits, - or _.'),
      );
    }
    if (path === '/api/invoke' && req.method === 'POST') return invoke(req, res, connectionId);
    if (path === '/api/events' && req.method === 'GET') return subscribe(req, res, connectionId);
    return sendJson(res, 404, fail('UNKNOWN_CHANNEL', 'No such test host endpoint.'));
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, connectionId: string): Promise<void> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(
        res,
        415,
        fail('VALIDATION', 'The request body must be JSON (Content-Type: application/json).'),
      );
    }
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, fail('VALIDATION', `The request is larger than ${maxBody} bytes.`));
    }
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, fail('VALIDATION', 'The request body is not valid JSON.'));
    }
    if (
      typeof message !== 'object' ||
      message === null ||
      typeof (message as { channel?: unknown }).channel !== 'string'
    ) {
      return sendJson(
        res,
        400,
        fail('VALIDATION', 'The request body must be {"channel": "...", "input": {...}}.'),
      );
    }
    const { channel, input } = message as { channel: string; input?: unknown };
    sendJson(res, 200, await core.dispatch(connectionId, channel, input));
  }

  function subscribe(req: IncomingMessage, res: ServerResponse, connectionId: string): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const set = streams.get(connectionId) ?? new Set<ServerResponse>();
    streams.set(connectionId, set);
    set.add(res);
    req.on('close', () => {
      set.delete(res);
      if (set.size === 0) streams.delete(connectionId);
    });
  }

  const heartbeat = setInterval(() => {
    for (const set of streams.values()) for (const res of set) res.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    core,
    async close() {
      clearInterval(heartbeat);
      for (const set of streams.values()) for (const res of set) res.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      core.close();
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares digests of equal length in constant time: the token's length and content never leak by timing. */
function authorized(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

/** The body, or 'too-large' as soon as it passes the limit (the rest is not read into memory). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', HEADER_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // Always fresh after a rebuild; and nothing from the API is kept by the browser.
  res.setHeader('Cache-Control', 'no-store');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0-dev';
}
