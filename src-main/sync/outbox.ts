import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/open';

/** Entities the outbox carries; the server upserts by (facility, entity, id), keeping the highest version. */
export type OutboxEntity = 'patient' | 'visit' | 'referral' | 'directory_facility' | (string & {});

/**
 * Queues one change of a record for the central server (DESIGN.md §5). Call inside the transaction that makes
 * the change, so the change and its outbox row commit (or roll back) together. `payload` is the whole record.
 */
export function enqueue(
  sqlite: Sqlite,
  entity: OutboxEntity,
  id: string,
  version: number,
  payload: Record<string, unknown>,
  at: string = new Date().toISOString(),
): void {
  if (!sqlite.inTransaction) throw new Error('outbox rows are written inside the transaction of the change');
  let insert = inserts.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(
      'INSERT INTO outbox (entity, entity_id, version, payload, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    inserts.set(sqlite, insert);
  }
  insert.run(entity, id, version, JSON.stringify(payload), at);
}

const inserts = new WeakMap<Sqlite, Database.Statement<unknown[], unknown>>();

/** Columns that only mean something on this computer and never travel. */
const LOCAL_ONLY = new Set(['search_rowid']);

/**
 * Queues a record as it is stored (column names and values of its row, read back after the change), so every
 * entity travels in one shape whatever code changed it. The row must have an `id` and a `version`.
 */
export function enqueueStored(
  sqlite: Sqlite,
  entity: OutboxEntity,
  table: string,
  id: string,
  at: string,
): void {
  const row = sqlite.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}" WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw new Error(`outbox: no ${table} row ${id}`);
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (!LOCAL_ONLY.has(key)) payload[key] = value;
  enqueue(sqlite, entity, id, Number(row.version ?? 1), payload, at);
}

/** How many changes wait for the server (shown in the UI: DESIGN.md §5). */
export function pendingCount(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL').get() as { n: number }).n;
}
