import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, type Result } from '../../../shared/contract';
import { createCore } from '../../../src-main/core/core';
import type { CoreEvent, CoreHost } from '../../../src-main/core/host';
import { silentLogger } from '../../../src-main/core/log';
import { FLOOR_KDF } from '../../../src-main/security/kdf';
import { ADMIN, FACILITY } from '../../support/core';

// Electron cannot run here: ipcMain and webContents are stood in for; everything behind them is real
// (the core over an encrypted database in a temp folder).
type Handler = (event: unknown, input: unknown) => Promise<Result<unknown>> | Result<unknown>;
const electron = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  contents: new Map<number, FakeContents>(),
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      if (electron.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      electron.handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  webContents: { fromId: (id: number) => electron.contents.get(id) },
}));
const { bindContract } = await import('../../../src-main/ipc/bind');

class FakeContents {
  readonly sent: [string, unknown][] = [];
  private destroyed = false;
  private readonly onDestroyed: (() => void)[] = [];
  constructor(readonly id: number) {
    electron.contents.set(id, this);
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  once(event: string, listener: () => void) {
    if (event === 'destroyed') this.onDestroyed.push(listener);
  }
  destroy() {
    this.destroyed = true;
    this.onDestroyed.forEach((l) => l());
  }
}

const APP_PAGE = 'app://caredesk/index.html';

function call(
  contents: FakeContents,
  channel: string,
  input: unknown,
  frame = { url: APP_PAGE, parent: null as unknown },
) {
  const handler = electron.handlers.get(`caredesk:${channel}`);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender: contents, senderFrame: { ...frame, isDestroyed: () => false } }, input);
}

describe('IPC binding (main ⇄ core)', () => {
  let dataDir: string;
  let host: CoreHost;
  let binding: ReturnType<typeof bindContract>;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'caredesk-ipc-'));
    const listeners = new Set<(event: CoreEvent) => void>();
    const core = createCore({
      dataDir,
      kdf: FLOOR_KDF,
      logger: silentLogger,
      emit: (connectionId, name, payload) => listeners.forEach((l) => l({ connectionId, name, payload })),
    });
    host = {
      ready: Promise.resolve(),
      dispatch: (connectionId, channel, input) => core.dispatch(connectionId, channel, input),
      onEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
      close: async () => core.close(),
    };
    binding = bindContract(host, silentLogger);
  });
  afterEach(async () => {
    binding.dispose();
    await host.close();
    electron.contents.clear();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers one handler per contract channel and nothing else; dispose removes them', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(channelNames.map((c) => `caredesk:${c}`).sort());
    binding.dispose();
    expect(electron.handlers.size).toBe(0);
    binding = bindContract(host, silentLogger); // afterEach disposes again
  });

  it('relays calls from our window to the core, one session per window', async () => {
    const window = new FakeContents(11);
    binding.attach(window as never);
    const setup = await call(window, 'setup.initialize', { facility: FACILITY, admin: ADMIN });
    expect(setup).toMatchObject({ ok: true, value: { session: { username: ADMIN.username } } });
    expect(await call(window, 'home.summary', {})).toMatchObject({ ok: true, value: { facility: FACILITY } });

    const second = new FakeContents(12);
    binding.attach(second as never);
    expect(await call(second, 'home.summary', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await call(window, 'home.summary', { extra: 1 })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('refuses sub-frames, foreign pages and unknown windows without reaching the core', async () => {
    const window = new FakeContents(21);
    binding.attach(window as never);
    const input = { facility: FACILITY, admin: ADMIN };
    const refused = [
      await call(window, 'setup.initialize', input, { url: APP_PAGE, parent: {} }),
      await call(window, 'setup.initialize', input, { url: 'https://evil.example/', parent: null }),
      await call(new FakeContents(99), 'setup.initialize', input),
    ];
    for (const result of refused) expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call(window, 'app.status', {})).toMatchObject({ ok: true, value: { initialized: false } });
  });

  it('delivers core events to the window they belong to, and to no other', async () => {
    const window = new FakeContents(31);
    const other = new FakeContents(32);
    binding.attach(window as never);
    binding.attach(other as never);
    await call(window, 'setup.initialize', { facility: FACILITY, admin: ADMIN });
    await call(window, 'auth.logout', {});
    expect(window.sent).toEqual([['caredesk:event:session.changed', { reason: 'logout' }]]);
    expect(other.sent).toEqual([]);
  });

  it('ends the session when its window is closed (a shared PC keeps nobody signed in)', async () => {
    const window = new FakeContents(41);
    binding.attach(window as never);
    await call(window, 'setup.initialize', { facility: FACILITY, admin: ADMIN });
    expect(await host.dispatch('41', 'home.summary', {})).toMatchObject({ ok: true });
    window.destroy();
    await vi.waitFor(async () =>
      expect(await host.dispatch('41', 'home.summary', {})).toMatchObject({
        ok: false,
        code: 'UNAUTHENTICATED',
      }),
    );
    expect(await call(window, 'app.status', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
