import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * Frozen monthly reports (one per calendar month): every cell's number and the ids of the records behind it,
 * the SHA-256 of the PDF generated at freezing, who froze it and when, and the audit chain head at that moment.
 * Immutable: triggers in the custom migration `reports_frozen_immutable` refuse UPDATE and DELETE.
 */
export const reportFreezes = sqliteTable('report_freezes', {
  id: text('id').primaryKey(),
  /** 'YYYY-MM'. */
  month: text('month').notNull().unique(),
  /** JSON: report name (cmam-OTP, anc, …) → cell key → { value, refs }. */
  cells: text('cells').notNull(),
  pdfSha256: text('pdf_sha256').notNull(),
  frozenBy: text('frozen_by')
    .notNull()
    .references(() => users.id),
  frozenAt: text('frozen_at').notNull(),
  /** Hash of the last audit row and how many rows the chain had when the month was frozen. */
  auditHeadHash: text('audit_head_hash').notNull(),
  auditRows: integer('audit_rows').notNull(),
  version: integer('version').notNull().default(1),
});
