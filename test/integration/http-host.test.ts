import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/core/log';
import { FLOOR_KDF } from '../../src-main/security/kdf';
import { createHttpBridge } from '../../src-renderer/api/http-bridge';
import { CSP, startHttpHost, type HttpHost } from '../host/http-host';
import { ADMIN, FACILITY } from '../support/core';

let root: string;
let host: HttpHost;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'caredesk-host-'));
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CareDesk</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the static folder');
  host = await startHttpHost({
    dataDir: join(root, 'data'),
    staticDir,
    kdf: FLOOR_KDF,
    logger: silentLogger,
  });
});

afterEach(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

const CONNECTION = 'tab-0001';

function call(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${host.token}`,
      'X-CareDesk-Connection': CONNECTION,
      'Content-Type': 'application/json',
      ...headers,
    },
    body,
  });
}

/** A raw request, for what fetch would not send (a foreign Host header, an un-normalised path). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser test host', () => {
  it('listens on 127.0.0.1 only and gives a URL carrying its per-run token in the fragment', async () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of others) {
      await expect(fetch(`http://${address}:${host.port}/`)).rejects.toThrow();
    }
  });

  it('refuses every API request without the right token, and a foreign Host header', async () => {
    expect((await call('{"channel":"app.status"}', { Authorization: '' })).status).toBe(401);
    expect((await call('{"channel":"app.status"}', { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await call('{"channel":"app.status"}', { Authorization: `Bearer ${host.token}x` })).status).toBe(
      401,
    );
    const events = await fetch(`${host.origin}/api/events?token=${host.token}`, {
      headers: { 'X-CareDesk-Connection': CONNECTION },
    });
    expect(events.status).toBe(401);
    expect((await raw('/', { Host: 'evil.example' })).status).toBe(421);
    const ok = await call('{"channel":"app.status","input":{}}');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { initialized: false, session: null } });
  });

  it('serves the renderer with the CSP as a header and nothing outside its folder', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>CareDesk</title>');
    expect(page.headers.get('content-security-policy')).toBe(
      `${CSP}; frame-ancestors 'none'; form-action 'none'`,
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${host.origin}/assets/app.js`)).headers.get('content-type')).toMatch(
      /^text\/javascript/,
    );
    expect((await raw('/../secret.txt')).status).toBe(404);
    expect((await raw('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await raw('/assets/%2e%2e%2f%2e%2e/secret.txt')).status).toBe(404);
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('answers bad requests with a clear failure and keeps serving', async () => {
    const unknown = await call('{"channel":"patients.drop","input":{}}');
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });

    const badJson = await call('{"channel": "app.status", ');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'The request body is not valid JSON.',
    });
    expect((await call('[1,2]')).status).toBe(400);
    expect((await call('{"channel":"app.status"}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await call('{"channel":"app.status"}', { 'X-CareDesk-Connection': 'x' })).status).toBe(400);

    const big = JSON.stringify({
      channel: 'auth.login',
      input: { username: 'a', password: 'x'.repeat(33 * 1024 * 1024) },
    });
    const tooLarge = await call(big);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ ok: false, code: 'VALIDATION' });

    const invalid = await (await call('{"channel":"auth.login","input":{"username":""}}')).json();
    expect(invalid).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(invalid.fields.map((f: { path: string }) => f.path).sort()).toEqual(['password', 'username']);
    expect((await call('{"channel":"app.status","input":{}}')).status).toBe(200);
  });

  it('carries the real core through the renderer’s HTTP bridge, one session per tab, events included', async () => {
    const storage = new Map<string, string>();
    const replaced: string[] = [];
    const tab = (store: Map<string, string>, hash: string) =>
      createHttpBridge({
        location: { hash, origin: host.origin, pathname: '/', search: '' },
        history: { replaceState: (_s, _t, url) => replaced.push(String(url)) },
        storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
        fetch: globalThis.fetch,
      });
    const first = tab(storage, `#token=${host.token}`);
    expect(replaced).toEqual(['/']); // the token leaves the address bar at once
    const other = tab(new Map(), `#token=${host.token}`);

    const setup = await first.invoke('setup.initialize', { facility: FACILITY, admin: ADMIN });
    expect(setup).toMatchObject({ ok: true, value: { session: { username: ADMIN.username } } });
    expect(await first.invoke('home.summary', {})).toMatchObject({ ok: true, value: { facility: FACILITY } });
    expect(await other.invoke('home.summary', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });

    // A reload of the same tab keeps its connection (sessionStorage), and so its session.
    const reloaded = tab(storage, '');
    const changed = new Promise((resolve) => reloaded.on('session.changed', resolve));
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the event stream connect
    expect(await reloaded.invoke('auth.logout', {})).toEqual({ ok: true, value: {} });
    expect(await changed).toEqual({ reason: 'logout' });
    expect(await first.invoke('home.summary', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });

    const noToken = tab(new Map(), '');
    expect(await noToken.invoke('app.status', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('reports a host that has gone away as a failure, not a crash', async () => {
    const bridge = createHttpBridge({
      location: { hash: `#token=${host.token}`, origin: 'http://127.0.0.1:1', pathname: '/', search: '' },
      history: { replaceState: () => {} },
      storage: { getItem: () => null, setItem: () => {} },
      fetch: globalThis.fetch,
    });
    expect(await bridge.invoke('app.status', {})).toMatchObject({ ok: false, code: 'INTERNAL' });
  });
});

describe('the packaged app', () => {
  it('never imports the browser test host (or anything under test/)', () => {
    const srcMain = resolve(import.meta.dirname, '../../src-main');
    const offenders = (readdirSync(srcMain, { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) => /from\s+['"][^'"]*\/test\//.test(readFileSync(join(srcMain, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
