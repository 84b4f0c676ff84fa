import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Version history of corrected records (issue 5 §6): who changed which fields of which record, when, and why.
 * One row per change; the record itself keeps only its latest state.
 */
export const recordHistory = sqliteTable(
  'record_history',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The record's version after this change. */
    version: integer('version').notNull(),
    action: text('action', { enum: ['update', 'void', 'merge', 'merged-into', 'moved'] }).notNull(),
    /** JSON array of { field, from, to }. */
    changes: text('changes').notNull(),
    reason: text('reason'),
    at: text('at').notNull(),
    by: text('by'),
  },
  (t) => [index('record_history_entity').on(t.entity, t.entityId, t.seq)],
);
