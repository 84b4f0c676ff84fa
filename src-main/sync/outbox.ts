import { uuidv7 } from '../../shared/ids';
import type { Sqlite } from '../db/open';
import { stmt } from '../records/sql';
import { syncIdentity } from './epoch';
import { buildPayload } from './payloads';

export { registerPayload, genericFromRow, type PayloadBuilder } from './payloads';

/** Entities the outbox carries; the server upserts by (facility, entity, id), keeping the newest version. */
export type OutboxEntity = 'patient' | 'visit' | 'referral' | 'directory_facility' | 'user' | (string & {});

const INSERT_SQL = `INSERT INTO outbox (change_id, entity, entity_id, version, payload_version, facility_id, epoch,
  payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Queues one change of a record for the central server (src-main/sync/README.md). Call inside the transaction
 * that makes the change, so the change and its outbox row commit (or roll back) together. `payload` is the
 * record in its sync shape; `payloadVersion` the version of that shape.
 */
export function enqueue(
  sqlite: Sqlite,
  entity: OutboxEntity,
  id: string,
  version: number,
  payload: Record<string, unknown>,
  at: string = new Date().toISOString(),
  payloadVersion = 1,
): void {
  if (!sqlite.inTransaction) throw new Error('outbox rows are written inside the transaction of the change');
  const { facilityId, epoch } = syncIdentity(sqlite);
  stmt(sqlite, INSERT_SQL).run(
    uuidv7(),
    entity,
    id,
    version,
    payloadVersion,
    facilityId,
    epoch,
    JSON.stringify(payload),
    at,
  );
}

/**
 * Queues a record as it is stored (read back after the change) in its registered sync shape, so every entity
 * travels in one shape whatever code changed it. The row must have an `id` and a `version`.
 */
export function enqueueStored(
  sqlite: Sqlite,
  entity: OutboxEntity,
  table: string,
  id: string,
  at: string,
): void {
  const row = stmt(sqlite, `SELECT * FROM "${table.replace(/"/g, '""')}" WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw new Error(`outbox: no ${table} row ${id}`);
  const { payload, version } = buildPayload(entity, table, row);
  enqueue(sqlite, entity, id, Number(row.version ?? 1), payload, at, version);
}

/** How many changes wait for the server (shown in the UI). */
export function pendingCount(sqlite: Sqlite): number {
  return (
    sqlite
      .prepare('SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL AND rejected_at IS NULL')
      .get() as { n: number }
  ).n;
}
