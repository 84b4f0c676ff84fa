import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { REFERRAL_OUTCOMES, REFERRAL_URGENCIES } from '../../../shared/contract/channels/referrals';
import { recordColumns } from './columns';
import { directoryFacilities } from './directory';
import { patients } from './patients';
import { visits } from './visits';

/** A referral to a facility of the directory, open until its feedback is recorded (issue 5 §7). */
export const referrals = sqliteTable(
  'referrals',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visitId: text('visit_id').references(() => visits.id),
    toFacilityId: text('to_facility_id')
      .notNull()
      .references(() => directoryFacilities.id),
    referralDate: text('referral_date').notNull(),
    reason: text('reason').notNull(),
    urgency: text('urgency', { enum: REFERRAL_URGENCIES }).notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    feedbackDate: text('feedback_date'),
    feedbackOutcome: text('feedback_outcome', { enum: REFERRAL_OUTCOMES }),
    feedbackNotes: text('feedback_notes').notNull().default(''),
    ...recordColumns(),
  },
  (t) => [
    index('referrals_status_date').on(t.status, t.referralDate),
    index('referrals_patient').on(t.patientId),
  ],
);
