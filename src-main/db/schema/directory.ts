import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { FACILITY_TYPES } from '../../../shared/contract/channels/directory';
import { recordColumns } from './columns';

/** Facilities patients are referred to (issue 5 §7). Deactivated, never deleted: old referrals point here. */
export const directoryFacilities = sqliteTable(
  'directory_facilities',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type', { enum: FACILITY_TYPES }).notNull(),
    phone: text('phone').notNull().default(''),
    address: text('address').notNull().default(''),
    district: text('district').notNull().default(''),
    /** JSON array of service names (e.g. "SAM inpatient care", "blood transfusion"). */
    services: text('services').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...recordColumns(),
  },
  (t) => [index('directory_facilities_name').on(t.name)],
);
