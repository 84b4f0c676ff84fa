// The central server dies in the middle of a push (connections cut, database closed mid-batch) and comes back
// on the same data folder: nothing lost, nothing duplicated, identical content on both sides.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { buildServer } from '../../../src-server/app';
import { openServerDb } from '../../../src-server/db/open';
import { records } from '../../../src-server/db/schema';
import { createFacility } from '../../../src-server/facilities';
import { enqueue } from '../../../src-main/sync/outbox';
import { enrolFacility, pushPending } from '../../../src-main/sync/pusher';
import { setUpFacility, tempCore } from '../../support/core';

process.env.CAREDESK_NO_KEYCHAIN = '1';
const RECORDS = 3000;

async function serverOn(dataDir: string, port: number) {
  const open = await openServerDb({ dataDir });
  const app = await buildServer({ db: open.db, rateLimitPerMinute: 100_000 });
  const url = await app.listen({ port, host: '127.0.0.1' });
  return { open, app, url, port: Number(new URL(url).port) };
}

it(`a server killed mid-push loses none of ${RECORDS} changes and stores none twice`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-dies-'));
  const core = tempCore();
  let server = await serverOn(dataDir, 0);
  try {
    await setUpFacility(core, 'admin');
    const sqlite = core.state.database!.sqlite;
    const { enrolmentCode } = await createFacility(server.open.db, { code: 'DIE-1', name: 'Dies' });
    await enrolFacility(sqlite, { serverUrl: server.url, code: enrolmentCode });
    const sent = new Map<string, number>();
    sqlite.transaction(() => {
      for (let i = 0; i < RECORDS; i++) {
        const id = uuidv7();
        sent.set(id, i);
        enqueue(sqlite, 'sample', id, 1, { id, version: 1, value: i });
      }
    })();

    const pushing = pushPending(sqlite, { maxRecords: 100 });
    // Wait for some batches to land, then kill: every connection cut, the database closed under the push.
    const acked = () =>
      (sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE acked_at IS NOT NULL').get() as { n: number })
        .n;
    while (acked() < 300) await new Promise((r) => setTimeout(r, 5));
    server.app.server.closeAllConnections();
    const closing = server.app.close();
    await server.open.close().catch(() => undefined);
    await closing.catch(() => undefined);
    const first = await pushing;
    expect(first.error).not.toBeNull();
    expect(first.waiting).toBeGreaterThan(0);
    expect(first.waiting).toBeLessThan(RECORDS);

    // Back on the same folder and port: the pusher resends what was not acknowledged.
    server = await serverOn(dataDir, server.port);
    const second = await pushPending(sqlite, { maxRecords: 100 });
    expect(second).toMatchObject({ error: null, waiting: 0, rejected: 0 });

    const held = await server.open.db.select().from(records);
    const samples = held.filter((r) => r.entity === 'sample');
    expect(samples).toHaveLength(RECORDS);
    expect(new Set(samples.map((r) => r.entityId)).size).toBe(RECORDS);
    for (const r of samples)
      expect(r.payload).toEqual({ id: r.entityId, version: 1, value: sent.get(r.entityId) });
  } finally {
    core.dispose();
    await server.app.close().catch(() => undefined);
    await server.open.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
