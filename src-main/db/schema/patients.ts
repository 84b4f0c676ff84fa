import { sql } from 'drizzle-orm';
import {
  sqliteTable,
  text,
  integer,
  index,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { SEXES } from '../../../shared/contract/channels/patients';
import { recordColumns } from './columns';

/**
 * Registered patients. `id` is a UUIDv7 (sync); `registration_number` is the human number, unique per facility.
 * `search_rowid` is a stable local integer that keys the row in the FTS5 index `patients_fts` (a rowid of a
 * table without INTEGER PRIMARY KEY may change on VACUUM, so the index never relies on it).
 */
export const patients = sqliteTable(
  'patients',
  {
    id: text('id').primaryKey(),
    registrationNumber: text('registration_number').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    otherNames: text('other_names').notNull().default(''),
    sex: text('sex', { enum: SEXES }).notNull(),
    /** Calendar date YYYY-MM-DD; estimated from an age in years/months when `birth_date_estimated`. */
    birthDate: text('birth_date').notNull(),
    birthDateEstimated: integer('birth_date_estimated', { mode: 'boolean' }).notNull().default(false),
    phone: text('phone').notNull().default(''),
    village: text('village').notNull().default(''),
    district: text('district').notNull().default(''),
    nationalId: text('national_id').notNull().default(''),
    caregiverName: text('caregiver_name').notNull().default(''),
    caregiverRelationship: text('caregiver_relationship').notNull().default(''),
    caregiverPhone: text('caregiver_phone').notNull().default(''),
    /** Ticked when the caregiver of an under-5 has no phone (otherwise the phone is required). */
    caregiverNoPhone: integer('caregiver_no_phone', { mode: 'boolean' }).notNull().default(false),
    allergies: text('allergies').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** Calendar date the patient was registered here. */
    registeredOn: text('registered_on').notNull(),
    /** Set when a manager merged this record into another (the survivor); the record is kept, never deleted. */
    mergedInto: text('merged_into').references((): AnySQLiteColumn => patients.id),
    searchRowid: integer('search_rowid').notNull(),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('patients_registration_number_unique').on(t.registrationNumber),
    uniqueIndex('patients_search_rowid_unique').on(t.searchRowid),
    index('patients_birth_date').on(t.birthDate),
    // Partial: almost every row is NULL, and the statistics must not make the planner shun this index.
    index('patients_merged_into')
      .on(t.mergedInto)
      .where(sql`${t.mergedInto} IS NOT NULL`),
    index('patients_created_at').on(t.createdAt),
  ],
);

/** Last number given per scope (e.g. "patient:2026"); incremented inside the registering transaction. */
export const registrationCounters = sqliteTable('registration_counters', {
  scope: text('scope').primaryKey(),
  last: integer('last').notNull(),
});
