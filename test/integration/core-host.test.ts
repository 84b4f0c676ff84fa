import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import {
  CRASHED_MESSAGE,
  STOPPED_MESSAGE,
  startCoreHost,
  type CoreEvent,
  type CoreHost,
  type CoreHostOptions,
} from '../../src-main/core/host';
import { silentLogger, type Logger } from '../../src-main/core/log';
import { FLOOR_KDF } from '../../src-main/security/kdf';
import { ADMIN, FACILITY, unwrap } from '../support/core';

const WORKER = new URL('../../src-main/core/worker.ts', import.meta.url);

/** The real core in a real worker thread over a real encrypted database in a temp folder. */
describe('core host: the core behind a worker thread', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-host-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  function start(dataDir: string, options: CoreHostOptions & { workerPath?: string } = {}): CoreHost {
    const { workerPath = WORKER, ...hostOptions } = options;
    const host = startCoreHost({ dataDir, kdf: FLOOR_KDF, appVersion: 'test' }, workerPath, {
      logger: silentLogger,
      closeTimeoutMs: 5_000,
      ...hostOptions,
    });
    cleanups.push(() => host.close());
    return host;
  }

  it('sets up, signs in and reads the home summary through the worker; events reach the host', async () => {
    const host = start(tempDir());
    await host.ready;
    const events: CoreEvent[] = [];
    host.onEvent((event) => events.push(event));

    const setup = await host.dispatch('7', 'setup.initialize', { facility: FACILITY, admin: ADMIN });
    expect(setup).toMatchObject({
      ok: true,
      value: { session: { username: ADMIN.username, role: 'admin' } },
    });
    unwrap(await host.dispatch('7', 'auth.logout', {}));
    expect(events).toEqual([{ connectionId: '7', name: 'session.changed', payload: { reason: 'logout' } }]);

    const login = await host.dispatch('7', 'auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(login).toMatchObject({ ok: true, value: { username: ADMIN.username } });
    const summary = unwrap(await host.dispatch('7', 'home.summary', {})) as {
      facility: unknown;
      counts: unknown;
    };
    expect(summary.facility).toEqual(FACILITY);
    expect(summary.counts).toEqual({
      activeStaff: 1,
      signInsToday: 2,
      patients: 0,
      visitsToday: 0,
      openReferrals: 0,
    });
    // Sessions belong to connections: another window is not signed in.
    expect(await host.dispatch('8', 'home.summary', {})).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
  });

  it('answers an unknown channel and invalid input through the worker, with field paths', async () => {
    const host = start(tempDir());
    expect(await host.dispatch('1', 'patients.dropAll', {})).toMatchObject({
      ok: false,
      code: 'UNKNOWN_CHANNEL',
    });
    const invalid = await host.dispatch('1', 'setup.initialize', {
      facility: { ...FACILITY, code: '' },
      admin: { ...ADMIN, password: 'short' },
    });
    expect(invalid).toMatchObject({ ok: false, code: 'VALIDATION' });
    const paths = (invalid as Extract<Result<unknown>, { ok: false }>).fields?.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['facility.code', 'admin.password']));
    expect(unwrap(await host.dispatch('1', 'app.status', {}))).toMatchObject({ initialized: false });
  });

  it('keeps concurrent calls apart: each caller gets its own answer', async () => {
    const host = start(tempDir());
    await host.dispatch('a', 'setup.initialize', { facility: FACILITY, admin: ADMIN });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => host.dispatch(i % 2 ? 'a' : 'b', 'home.summary', {})),
    );
    results.forEach((result, i) => expect(result.ok).toBe(i % 2 === 1));
  });

  it('after close, calls are answered at once and the database can be opened again by a new host', async () => {
    const dataDir = tempDir();
    const host = start(dataDir);
    unwrap(await host.dispatch('1', 'setup.initialize', { facility: FACILITY, admin: ADMIN }));
    await host.close();
    await host.close();
    expect(await host.dispatch('1', 'app.status', {})).toMatchObject({ ok: false, code: 'INTERNAL' });

    const again = start(dataDir);
    expect(unwrap(await again.dispatch('1', 'app.status', {}))).toMatchObject({
      initialized: true,
      session: null,
    });
    const login = await again.dispatch('1', 'auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(login.ok).toBe(true);
  });

  it('reports a wrong native binding at start with a clear message, and never hangs a caller', async () => {
    const dataDir = tempDir();
    const bogus = join(dataDir, 'better_sqlite3.node');
    writeFileSync(bogus, 'not a native module');
    const host = startCoreHost({ dataDir, nativeBinding: bogus }, WORKER, { logger: silentLogger });
    cleanups.push(() => host.close());
    await expect(host.ready).rejects.toThrow(/database engine could not be loaded/);
    const result = await host.dispatch('1', 'app.status', {});
    expect(result).toMatchObject({
      ok: false,
      code: 'INTERNAL',
      message: expect.stringMatching(/database engine/),
    });
  });

  it('a crashed worker answers waiting calls with INTERNAL, ends sessions, and restarts', async () => {
    const dataDir = tempDir();
    const crashing = join(dataDir, 'crash-worker.mjs');
    // Answers its first call and dies on its second: stands in for a native crash mid-request.
    writeFileSync(
      crashing,
      `import { parentPort } from 'node:worker_threads';
      let calls = 0;
      parentPort.on('message', (m) => {
        if (m.type === 'init') parentPort.postMessage({ type: 'ready' });
        if (m.type === 'call' && ++calls === 2) process.exit(3);
        if (m.type === 'call') parentPort.postMessage({ type: 'result', requestId: m.requestId, result: { ok: true, value: calls } });
        if (m.type === 'close') { parentPort.postMessage({ type: 'closed' }); parentPort.close(); }
      });`,
    );
    const errors: string[] = [];
    const logger: Logger = { ...silentLogger, error: (event) => errors.push(event) };
    const host = start(dataDir, { logger, workerPath: crashing });
    const events: CoreEvent[] = [];
    host.onEvent((event) => events.push(event));
    expect(await host.dispatch('w1', 'app.status', {})).toEqual({ ok: true, value: 1 });
    const crashed = await host.dispatch('w1', 'app.status', {});
    expect(crashed).toEqual({ ok: false, code: 'INTERNAL', message: CRASHED_MESSAGE });
    expect(events).toEqual([{ connectionId: 'w1', name: 'session.changed', payload: { reason: 'ended' } }]);
    expect(errors).toContain('core.worker_exited');
    // The restarted worker answers again.
    expect(await host.dispatch('w1', 'app.status', {})).toEqual({ ok: true, value: 1 });
  });

  it('gives up after repeated crashes: the caller is told plainly instead of waiting forever', async () => {
    const dataDir = tempDir();
    const dying = join(dataDir, 'dying-worker.mjs');
    writeFileSync(dying, 'process.exit(5);');
    const host = start(dataDir, { workerPath: dying, maxRestarts: 2 });
    await expect(host.ready).rejects.toThrow(STOPPED_MESSAGE);
    expect(await host.dispatch('1', 'app.status', {})).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: STOPPED_MESSAGE,
    });
  });
});
