import { sqliteTable, text, index, uniqueIndex, integer } from 'drizzle-orm/sqlite-core';
import { PROGRAMME_KINDS } from '../../../shared/contract/channels/programmes';
import { recordColumns } from './columns';
import { patients } from './patients';

/** A health programme of the facility: built-in (OTP, SC, TSFP, ANC) or created by a manager. Never deleted. */
export const programmes = sqliteTable(
  'programmes',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: PROGRAMME_KINDS }).notNull(),
    builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    deactivatedOn: text('deactivated_on'),
    deactivationReason: text('deactivation_reason'),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('programmes_code').on(t.code)],
);

/** One enrolment of a patient in a programme; unenrolling closes it (a new enrolment is a new row). */
export const enrolments = sqliteTable(
  'programme_enrolments',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    programmeId: text('programme_id')
      .notNull()
      .references(() => programmes.id),
    enrolledOn: text('enrolled_on').notNull(),
    note: text('note').notNull().default(''),
    unenrolledOn: text('unenrolled_on'),
    unenrolledBy: text('unenrolled_by'),
    unenrolReason: text('unenrol_reason'),
    ...recordColumns(),
  },
  (t) => [
    index('programme_enrolments_patient').on(t.patientId),
    index('programme_enrolments_programme').on(t.programmeId, t.unenrolledOn),
  ],
);
