// The database epoch: a UUIDv7 that a restore or a re-key replaces. Each outbox row carries the epoch it was
// written in, so a version number reused after restoring an old backup is never taken by the server for the
// one it already holds (src-main/sync/README.md).
import { uuidv7 } from '../../shared/ids';
import type { Sqlite } from '../db/open';

interface Identity {
  facilityId: string;
  epoch: string;
}

const cache = new WeakMap<Sqlite, Identity>();

/** The facility's id and this database's current epoch (created on first use). */
export function syncIdentity(sqlite: Sqlite): Identity {
  const cached = cache.get(sqlite);
  if (cached) return cached;
  const facility = sqlite.prepare('SELECT uuid FROM facility WHERE id = 1').get() as
    { uuid: string } | undefined;
  if (!facility) throw new Error('outbox: this database has no facility yet');
  let row = sqlite.prepare('SELECT epoch FROM sync_state WHERE id = 1').get() as
    { epoch: string } | undefined;
  if (!row) {
    const epoch = uuidv7();
    sqlite
      .prepare('INSERT INTO sync_state (id, epoch, epoch_started_at) VALUES (1, ?, ?)')
      .run(epoch, new Date().toISOString());
    row = { epoch };
  }
  const identity = { facilityId: facility.uuid, epoch: row.epoch };
  cache.set(sqlite, identity);
  return identity;
}

/** Starts a new epoch (after a restore or a re-key); returns it. */
export function regenerateEpoch(sqlite: Sqlite, at: string = new Date().toISOString()): string {
  const epoch = uuidv7();
  sqlite
    .prepare(
      `INSERT INTO sync_state (id, epoch, epoch_started_at) VALUES (1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET epoch = excluded.epoch, epoch_started_at = excluded.epoch_started_at`,
    )
    .run(epoch, at);
  cache.delete(sqlite);
  return epoch;
}
