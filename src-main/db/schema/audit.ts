import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** Append-only, hash-chained audit trail (DESIGN.md §4). Triggers in the migration forbid UPDATE/DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id'),
    role: text('role'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    /** The patient a row concerns (reads, visits, referrals …), so the audit screen can filter by patient. */
    patientId: text('patient_id'),
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_user').on(t.userId),
    index('audit_log_entity').on(t.entity, t.entityId),
    index('audit_log_patient').on(t.patientId),
    index('audit_log_action').on(t.action),
  ],
);
