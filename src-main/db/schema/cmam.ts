import { sqliteTable, text, index, integer, real } from 'drizzle-orm/sqlite-core';
import {
  ADMISSION_CRITERIA,
  ADMISSION_TYPES,
  APPETITES,
  CMAM_PROGRAMMES,
  EXIT_TYPES,
  TRANSFER_SOURCES,
} from '../../../shared/contract/channels/cmam';
import { OEDEMA_GRADES } from '../../../shared/contract/channels/visits';
import { recordColumns } from './columns';
import { patients } from './patients';
import { visits } from './visits';

/**
 * One stay of a child in one CMAM programme (OTP, SC or TSFP), from admission to exit. The columns the monthly
 * report needs (programme, dates, admission type and criterion, exit type, internal move, sex and age at
 * admission, voided, merged) are plain columns so reports read them without JSON.
 */
export const cmamEpisodes = sqliteTable(
  'cmam_episodes',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    programme: text('programme', { enum: CMAM_PROGRAMMES }).notNull(),
    number: text('number').notNull(),
    admissionDate: text('admission_date').notNull(),
    admissionType: text('admission_type', { enum: ADMISSION_TYPES }).notNull(),
    admissionCriterion: text('admission_criterion', { enum: ADMISSION_CRITERIA }),
    /** JSON array of every nutrition criterion met at admission. */
    criteria: text('criteria').notNull().default('[]'),
    status: text('status', { enum: ['SAM', 'MAM'] }).notNull(),
    transferFrom: text('transfer_from', { enum: TRANSFER_SOURCES }),
    transferSite: text('transfer_site').notNull().default(''),
    transferNumber: text('transfer_number').notNull().default(''),
    /** The episode this one continues after an internal move. */
    previousEpisodeId: text('previous_episode_id'),
    admissionVisitId: text('admission_visit_id').references(() => visits.id),
    weightKg: real('weight_kg').notNull(),
    lengthCm: real('length_cm'),
    muacMm: real('muac_mm'),
    whz: real('whz'),
    oedema: text('oedema', { enum: OEDEMA_GRADES }).notNull(),
    appetiteTest: text('appetite_test', { enum: ['pass', 'fail'] }),
    medicalComplication: integer('medical_complication', { mode: 'boolean' }).notNull(),
    dangerSign: integer('danger_sign', { mode: 'boolean' }).notNull(),
    rationPerWeek: real('ration_per_week'),
    rutfSachets: integer('rutf_sachets').notNull().default(0),
    /** JSON array of medicine codes given at admission. */
    medicinesGiven: text('medicines_given').notNull().default('[]'),
    nextVisitDate: text('next_visit_date'),
    notes: text('notes').notNull().default(''),
    exitDate: text('exit_date'),
    exitType: text('exit_type', { enum: EXIT_TYPES }),
    exitNotes: text('exit_notes').notNull().default(''),
    /** Closed by a move to another CMAM programme: an exit of this programme, left out of performance rates. */
    internalMove: integer('internal_move', { mode: 'boolean' }).notNull().default(false),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    ageMonthsAtAdmission: integer('age_months_at_admission').notNull(),
    protocol: text('protocol').notNull(),
    /** 1 when the child's record was merged away without the episode following it (never counted). Episodes
     *  follow the surviving record on merge, so this stays 0 unless a merge leaves one behind. */
    merged: integer('merged', { mode: 'boolean' }).notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    index('cmam_episodes_patient').on(t.patientId, t.programme),
    index('cmam_episodes_admission').on(t.admissionDate),
    index('cmam_episodes_exit').on(t.exitDate),
    index('cmam_episodes_open').on(t.programme, t.exitDate),
  ],
);

/** One follow-up visit of an episode. */
export const cmamFollowups = sqliteTable(
  'cmam_followups',
  {
    id: text('id').primaryKey(),
    episodeId: text('episode_id')
      .notNull()
      .references(() => cmamEpisodes.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visitDate: text('visit_date').notNull(),
    weightKg: real('weight_kg').notNull(),
    muacMm: real('muac_mm'),
    oedema: text('oedema', { enum: OEDEMA_GRADES }).notNull(),
    appetite: text('appetite', { enum: APPETITES }).notNull(),
    appetiteTest: text('appetite_test', { enum: ['pass', 'fail'] }),
    newComplication: integer('new_complication', { mode: 'boolean' }).notNull(),
    rutfSachets: integer('rutf_sachets').notNull().default(0),
    rationPerWeek: real('ration_per_week'),
    medicinesGiven: text('medicines_given').notNull().default('[]'),
    nextVisitDate: text('next_visit_date').notNull(),
    notes: text('notes').notNull().default(''),
    /** Computed by the core at save time. */
    gainGPerKgPerDay: real('gain_g_per_kg_per_day'),
    alerts: text('alerts').notNull().default('[]'),
    ...recordColumns(),
  },
  (t) => [
    index('cmam_followups_episode').on(t.episodeId, t.visitDate),
    /** The monthly report's RUTF sums: one range over the month, covering (no table lookups). */
    index('cmam_followups_visit_date').on(t.visitDate, t.voided, t.rutfSachets, t.episodeId),
  ],
);

/** RUTF sachets in (received, stock-take adjustment) and out (dispensed at an admission or follow-up). */
export const rutfStock = sqliteTable(
  'rutf_stock_movements',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['received', 'dispensed', 'adjusted'] }).notNull(),
    movementDate: text('movement_date').notNull(),
    quantity: integer('quantity').notNull(),
    batch: text('batch').notNull().default(''),
    note: text('note').notNull().default(''),
    episodeId: text('episode_id').references(() => cmamEpisodes.id),
    followupId: text('followup_id').references(() => cmamFollowups.id),
    ...recordColumns(),
  },
  (t) => [index('rutf_stock_date').on(t.movementDate)],
);
