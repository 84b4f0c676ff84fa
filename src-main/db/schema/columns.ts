import { integer, text } from 'drizzle-orm/sqlite-core';

/** Columns every clinical/administrative record carries (DESIGN.md §3): who/when, version, soft void. */
export const recordColumns = () => ({
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
  version: integer('version').notNull().default(1),
  voided: integer('voided', { mode: 'boolean' }).notNull().default(false),
  voidReason: text('void_reason'),
});
