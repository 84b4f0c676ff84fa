import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Transactional outbox (src-main/sync/README.md): one row per change of a record, written in the same
 * transaction as the change. The pusher sends pending rows and marks them acknowledged from the server's
 * per-record reply; a row the server rejects is set aside (rejected_at + last_error) until an admin retries it.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** UUIDv7 of this change: the server answers per change id. */
    changeId: text('change_id').notNull().default(''),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The record's version after the change: the server keeps the highest (within the newest epoch). */
    version: integer('version').notNull(),
    /** The shape version of the payload (shared/sync/payloads.ts). */
    payloadVersion: integer('payload_version').notNull().default(1),
    facilityId: text('facility_id').notNull().default(''),
    /** The database epoch when the change was made (a restore or re-key starts a new one). */
    epoch: text('epoch').notNull().default(''),
    /** The record in its sync shape (camelCase JSON, real types). */
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
    ackedAt: text('acked_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Set when the server rejected the change: it waits for an admin's retry and no longer blocks others. */
    rejectedAt: text('rejected_at'),
  },
  (t) => [
    index('outbox_pending')
      .on(t.seq)
      .where(sql`${t.ackedAt} IS NULL AND ${t.rejectedAt} IS NULL`),
    index('outbox_entity').on(t.entity, t.entityId),
    index('outbox_change_id').on(t.changeId),
  ],
);

/**
 * This database's sync state (one row, id = 1): its epoch, the server it pushes to and, when no OS keychain
 * is available, the facility credential (inside the encrypted database).
 */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  epoch: text('epoch').notNull(),
  epochStartedAt: text('epoch_started_at').notNull(),
  serverUrl: text('server_url'),
  serverFacilityId: text('server_facility_id'),
  /** 'keychain' | 'database' | null (not enrolled). */
  credentialStore: text('credential_store'),
  /** Only when credentialStore = 'database'. */
  credential: text('credential'),
  enrolledAt: text('enrolled_at'),
  lastPushAt: text('last_push_at'),
  lastAttemptAt: text('last_attempt_at'),
  lastError: text('last_error'),
});
