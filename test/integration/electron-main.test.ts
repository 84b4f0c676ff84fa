import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/csp';

type Line = { type: string } & Record<string, unknown>;

/**
 * The real Electron main bundle (out/main/index.cjs) and core worker bundle, run under plain Node with a
 * stand-in `electron` module (test/support/fake-electron.cjs), because no Electron binary can run here.
 * Everything behind `electron` is real: the app:// file server, hardening, IPC relay, the worker thread and
 * an encrypted database. Node's better-sqlite3 build plays the part of the Electron build in native/.
 */
describe('Electron main bundle, smoke-run under Node', () => {
  const root = resolve(__dirname, '../..');
  const app = mkdtempSync(join(tmpdir(), 'caredesk-main-'));
  const FACILITY = 'Smoke Test Health Centre';
  let lines: Line[] = [];
  let exitCode: number | null = null;
  const find = (type: string) => lines.find((l) => l.type === type) ?? {};

  beforeAll(async () => {
    // @ts-expect-error -- a plain .mjs script without type declarations
    const { buildTarget } = (await import('../../scripts/build.mjs')) as {
      buildTarget(name: string, out: string): Promise<void>;
    };
    await buildTarget('main', join(app, 'out/main/index.cjs'));
    await buildTarget('core worker', join(app, 'out/main/core-worker.cjs'));
    mkdirSync(join(app, 'out/renderer'), { recursive: true });
    writeFileSync(join(app, 'out/renderer/index.html'), '<!doctype html><title>CareDesk smoke</title>');

    const require = createRequire(join(root, 'package.json'));
    const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
    const native = join(app, 'native', `electron-45.4.1-${process.platform}-${process.arch}`);
    mkdirSync(native, { recursive: true });
    copyFileSync(join(sqliteDir, 'build/Release/better_sqlite3.node'), join(native, 'better_sqlite3.node'));
    mkdirSync(join(app, 'node_modules/electron'), { recursive: true });
    copyFileSync(join(root, 'test/support/fake-electron.cjs'), join(app, 'node_modules/electron/index.js'));
    symlinkSync(sqliteDir, join(app, 'node_modules/better-sqlite3'), 'junction');
    symlinkSync(join(root, 'node_modules/@node-rs'), join(app, 'node_modules/@node-rs'), 'junction');
    // sharp (photo downscaling) is native too and stays outside the bundles; its own imports resolve from its real path.
    symlinkSync(join(root, 'node_modules/sharp'), join(app, 'node_modules/sharp'), 'junction');

    ({ lines, exitCode } = await runMain(app, join(app, 'data')));
  }, 90_000);
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('starts hardened: sandbox for every renderer, a locked-down window on app://, one handler per channel', () => {
    expect(find('scenario-error')).toEqual({});
    expect(lines.some((l) => l.type === 'sandbox')).toBe(true);
    expect(find('spellcheck')).toEqual({ type: 'spellcheck', on: false });
    expect(find('window')).toMatchObject({
      url: 'app://caredesk/index.html',
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        preload: join(app, 'out/main/preload.cjs'),
      },
    });
    expect(((find('window') as Line).channels as string[]).sort()).toEqual(
      channelNames.map((c) => `caredesk:${c}`).sort(),
    );
  });

  it('serves the renderer from app:// with the CSP header, and nothing outside it', () => {
    expect(find('protocol-response')).toMatchObject({
      status: 200,
      csp: CONTENT_SECURITY_POLICY,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><title>CareDesk smoke</title>',
      escapeStatus: 404,
    });
  });

  it('denies navigation, new windows, remote requests and permissions', () => {
    expect(find('hardening')).toEqual({
      type: 'hardening',
      navigationPrevented: true,
      windowOpen: { action: 'deny' },
      remoteRequest: { cancel: true },
      geolocation: false,
    });
  });

  it('relays IPC to the core worker and back; refuses foreign senders; routes events to the window', () => {
    const ipc = find('ipc') as Record<string, unknown>;
    expect(ipc.setup).toMatchObject({ ok: true, value: { session: { username: 'amina', role: 'admin' } } });
    expect(ipc.summary).toMatchObject({ ok: true, value: { facility: { name: FACILITY } } });
    expect(ipc.foreign).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(ipc.unknown).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(ipc.sent).toContainEqual(['caredesk:event:session.changed', { reason: 'logout' }]);
  });

  it('refuses to start, in one sentence, when the Electron build of the database engine is missing', async () => {
    rmSync(join(app, 'native'), { recursive: true, force: true });
    const run = await runMain(app, join(app, 'data-2'));
    expect(run.lines).toContainEqual({
      type: 'error-box',
      title: 'CareDesk cannot start',
      message: expect.stringMatching(/database engine is missing.*npm start/),
    });
    expect(run.exitCode).toBe(1);
    expect(run.lines.some((l) => l.type === 'window')).toBe(false);
  });

  it('quits cleanly after the last window closes, with an encrypted data folder in CAREDESK_DATA_DIR', () => {
    expect(lines.at(-1)).toEqual({ type: 'quit' });
    expect(exitCode).toBe(0);
    const dataDir = join(app, 'data');
    const files = readdirSync(dataDir, { withFileTypes: true }).filter((f) => f.isFile());
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['caredesk.db', 'vault.json']));
    for (const file of files) {
      const bytes = readFileSync(join(dataDir, file.name));
      expect(bytes.subarray(0, 15).toString('latin1'), file.name).not.toBe('SQLite format 3');
      expect(bytes.includes(Buffer.from(FACILITY)), file.name).toBe(false);
    }
  });
});

/** Runs out/main/index.cjs of `app` under Node, posing as Electron 45.4.1; collects the stand-in's report. */
async function runMain(app: string, dataDir: string): Promise<{ lines: Line[]; exitCode: number | null }> {
  const boot = `Object.defineProperty(process.versions, 'electron', { value: '45.4.1' }); require(${JSON.stringify(
    join(app, 'out/main/index.cjs'),
  )});`;
  const child = spawn(process.execPath, ['-e', boot], {
    cwd: app,
    env: { ...process.env, CAREDESK_DATA_DIR: dataDir, FAKE_ELECTRON_USER_DATA: join(app, 'profile') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exitCode = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('exit', (code) => (clearTimeout(timer), done(code)));
  });
  const lines = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
  return { lines, exitCode };
}
