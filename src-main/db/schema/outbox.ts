import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Transactional outbox (DESIGN.md §5): one row per change of a record, written in the same transaction as the
 * change. The pusher (a later issue) sends pending rows and marks them acknowledged from the server's reply.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The record's version after the change: the server keeps the highest. */
    version: integer('version').notNull(),
    /** The whole record as JSON (column names as stored). */
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
    ackedAt: text('acked_at'),
  },
  (t) => [
    index('outbox_pending')
      .on(t.seq)
      .where(sql`${t.ackedAt} IS NULL`),
    index('outbox_entity').on(t.entity, t.entityId),
  ],
);
