// A 10 MB document crosses both transports of the contract: the browser test host (JSON over HTTP, body limit)
// and the Electron side's worker thread (structured clone), as base64 text both ways.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName, InputOf, OutputOf, Result } from '../../../shared/contract';
import { MEGABYTE } from '../../../shared/contract/channels/documents';
import { startCoreHost } from '../../../src-main/core/host';
import { silentLogger } from '../../../src-main/core/log';
import { FLOOR_KDF } from '../../../src-main/security/kdf';
import { createHttpBridge } from '../../../src-renderer/api/http-bridge';
import { startHttpHost } from '../../host/http-host';
import { ADMIN, FACILITY, unwrap } from '../../support/core';
import { child } from '../patients/support';
import { pdfFile } from './files';

type Invoke = <C extends ChannelName>(
  connection: string,
  channel: C,
  input: InputOf<C>,
) => Promise<Result<OutputOf<C>>>;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Sets up a facility, a clinician and a patient, then attaches and opens a file just under 10 MB. */
async function roundTrip(invoke: Invoke, admin: string, clinician: string) {
  unwrap(await invoke(admin, 'setup.initialize', { facility: FACILITY, admin: ADMIN }));
  unwrap(await invoke(admin, 'auth.confirmPassword', { password: ADMIN.password }));
  const created = unwrap(
    await invoke(admin, 'users.create', {
      username: 'ibrahim',
      fullName: 'Ibrahim Camara',
      role: 'clinician',
    }),
  );
  unwrap(await invoke(clinician, 'auth.login', { username: 'ibrahim', password: created.temporaryPassword }));
  unwrap(
    await invoke(clinician, 'auth.changePassword', {
      currentPassword: created.temporaryPassword,
      newPassword: 'a long clinician password 2026',
    }),
  );
  const patient = unwrap(await invoke(clinician, 'patients.register', child({ birthDate: '2024-02-14' })));
  const file = pdfFile(10 * MEGABYTE - 4096);
  const doc = unwrap(
    await invoke(clinician, 'documents.attach', {
      patientId: patient.id,
      title: 'Scanned lab book',
      category: 'lab-result',
      documentDate: '2026-01-05',
      content: file.toString('base64'),
    }),
  );
  const opened = unwrap(await invoke(clinician, 'documents.open', { id: doc.id }));
  return { sent: sha(file), stored: doc.sha256, back: sha(Buffer.from(opened.content, 'base64')) };
}

describe('document uploads through the transports', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-docs-transport-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('carries a 10 MB file through the browser host (JSON body) and back', async () => {
    const root = tempDir();
    const staticDir = join(root, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CareDesk</title>');
    const host = await startHttpHost({
      dataDir: join(root, 'data'),
      staticDir,
      kdf: FLOOR_KDF,
      logger: silentLogger,
    });
    cleanups.push(() => host.close());
    const tabs = new Map<string, ReturnType<typeof createHttpBridge>>();
    const tab = (name: string) => {
      let bridge = tabs.get(name);
      if (!bridge) {
        const store = new Map<string, string>();
        bridge = createHttpBridge({
          location: { hash: `#token=${host.token}`, origin: host.origin, pathname: '/', search: '' },
          history: { replaceState: () => {} },
          storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
          fetch: globalThis.fetch,
        });
        tabs.set(name, bridge);
      }
      return bridge;
    };
    const result = await roundTrip(
      (c, channel, input) => tab(c).invoke(channel, input),
      'admin',
      'clinician',
    );
    expect(result.back).toBe(result.sent);
    expect(result.stored).toBe(result.sent);
  }, 120_000);

  it('carries a 10 MB file through the core worker thread and back', async () => {
    const host = startCoreHost(
      { dataDir: tempDir(), kdf: FLOOR_KDF, appVersion: 'test' },
      new URL('../../../src-main/core/worker.ts', import.meta.url),
      { logger: silentLogger, closeTimeoutMs: 5_000 },
    );
    cleanups.push(() => host.close());
    await host.ready;
    const result = await roundTrip(
      (c, channel, input) => host.dispatch(c, channel, input) as Promise<Result<OutputOf<typeof channel>>>,
      '7',
      '8',
    );
    expect(result.back).toBe(result.sent);
  }, 120_000);
});
