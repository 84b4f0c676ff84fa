import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/contract';

/**
 * The preload as shipped: bundled by scripts/build.mjs, then run the way Electron's sandbox runs it — with a
 * `require` that knows only 'electron' — against a stand-in for contextBridge and ipcRenderer.
 */
describe('preload bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-preload-'));
  let code = '';
  beforeAll(async () => {
    // @ts-expect-error -- a plain .mjs script without type declarations
    const { buildTarget } = (await import('../../../scripts/build.mjs')) as {
      buildTarget(name: string, out: string): Promise<void>;
    };
    await buildTarget('preload', join(dir, 'preload.cjs'));
    code = readFileSync(join(dir, 'preload.cjs'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function load() {
    const exposed: Record<string, unknown> = {};
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => (sent.push(args), { ok: true, value: 'from main' }),
        on: () => {},
        removeListener: () => {},
      },
    };
    const require = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`the sandbox cannot require ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require,
      module,
      exports: module.exports,
      __filename: 'preload.cjs',
      __dirname: '.',
    });
    return { exposed, sent };
  }

  it('is small, self-contained and carries no zod or schemas', () => {
    expect(code.length).toBeLessThan(20_000);
    expect(code).not.toMatch(/zod/i);
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes window.caredesk with invoke and on only, for every contract channel', async () => {
    const { exposed, sent } = load();
    expect(Object.keys(exposed)).toEqual(['caredesk']);
    const bridge = exposed.caredesk as { invoke(c: string, i: unknown): Promise<unknown> };
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    for (const channel of channelNames)
      expect(await bridge.invoke(channel, {})).toEqual({ ok: true, value: 'from main' });
    expect(sent.map(([channel]) => channel)).toEqual(channelNames.map((c) => `caredesk:${c}`));
    expect(await bridge.invoke('fs.readFile', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    expect(sent).toHaveLength(channelNames.length);
  });
});
