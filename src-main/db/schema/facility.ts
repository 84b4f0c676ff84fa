import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** The one facility this database belongs to (single row, id = 1). */
export const facility = sqliteTable('facility', {
  id: integer('id').primaryKey(),
  uuid: text('uuid').notNull(),
  name: text('name').notNull(),
  code: text('code').notNull(),
  district: text('district').notNull().default(''),
  country: text('country').notNull().default(''),
  /** Clinical protocol profile id (CLINICAL.md: versioned profiles, chosen per facility). */
  protocolProfile: text('protocol_profile').notNull().default('who-2013'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Facility settings as JSON values by key (idle lock minutes, backup folder, …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});
