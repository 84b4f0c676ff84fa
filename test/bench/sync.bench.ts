// Push throughput on loopback (target ≥ 5,000 records/s) and the server's ingest on PGlite and PostgreSQL side
// by side. Each figure: N outbox rows pushed by the real pusher to the real server on 127.0.0.1.
import { uuidv7 } from '../../shared/ids';
import { enqueue } from '../../src-main/sync/outbox';
import { enrolFacility, pushPending } from '../../src-main/sync/pusher';
import { setUpFacility, tempCore } from '../support/core';
import { postgresMissing, startPostgres, startServer } from '../integration/sync/support';
import type { Bench, BenchFigures } from './types';

const RECORDS = 10_000;

async function pushRun(databaseUrl?: string): Promise<number> {
  process.env.CAREDESK_NO_KEYCHAIN = '1';
  const server = await startServer({ databaseUrl });
  const core = tempCore();
  try {
    await setUpFacility(core, 'admin');
    const sqlite = core.state.database!.sqlite;
    await enrolFacility(sqlite, { serverUrl: server.url, code: await server.newFacility('BENCH') });
    sqlite.transaction(() => {
      for (let i = 0; i < RECORDS; i++) {
        const id = uuidv7();
        enqueue(sqlite, 'sample', id, 1, { id, version: 1, name: `record ${i}`, value: i, tags: ['a', 'b'] });
      }
    })();
    const start = performance.now();
    const report = await pushPending(sqlite, { maxRecords: 500 });
    const ms = performance.now() - start;
    if (report.error || report.waiting > 0) throw new Error(`bench push failed: ${report.error}`);
    return Math.round((report.accepted / ms) * 1000);
  } finally {
    core.dispose();
    await server.close();
  }
}

export const bench: Bench = async () => {
  const figures: BenchFigures = { records: RECORDS, batchRecords: 500, pushTargetRecordsPerSecond: 5000 };
  figures.pushPgliteRecordsPerSecond = await pushRun();
  if (postgresMissing) figures.pushPostgresSkipped = postgresMissing;
  else {
    const pg = await startPostgres();
    try {
      figures.pushPostgresRecordsPerSecond = await pushRun(pg.url);
    } finally {
      pg.stop();
    }
  }
  return figures;
};
