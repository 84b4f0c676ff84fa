import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { NUTRITION_STATUSES, OEDEMA_GRADES, VISIT_TYPES } from '../../../shared/contract/channels/visits';
import { recordColumns } from './columns';
import { patients } from './patients';
import { users } from './users';

/**
 * One encounter. Measurements as entered; z-scores and the nutrition classification as computed by the core
 * with shared/clinical at save time (never the renderer's numbers), so reports read them without recomputing.
 */
export const visits = sqliteTable(
  'visits',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visitDate: text('visit_date').notNull(),
    type: text('type', { enum: VISIT_TYPES }).notNull(),
    clinicianId: text('clinician_id').references(() => users.id),
    weightKg: real('weight_kg'),
    lengthCm: real('length_cm'),
    measured: text('measured', { enum: ['lying', 'standing'] }),
    muacMm: real('muac_mm'),
    oedema: text('oedema', { enum: OEDEMA_GRADES }),
    temperatureC: real('temperature_c'),
    pulseBpm: integer('pulse_bpm'),
    respiratoryRate: integer('respiratory_rate'),
    systolic: integer('systolic'),
    diastolic: integer('diastolic'),
    hbGdl: real('hb_g_dl'),
    glucoseMmolL: real('glucose_mmol_l'),
    complaints: text('complaints').notNull().default(''),
    /** JSON array of { text, icd10 }. */
    diagnoses: text('diagnoses').notNull().default('[]'),
    treatment: text('treatment').notNull().default(''),
    /** JSON array of { name, dose }. */
    medicines: text('medicines').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    nextAppointment: text('next_appointment'),
    // Computed by the core (shared/clinical) when saved.
    ageDays: integer('age_days'),
    whz: real('whz'),
    waz: real('waz'),
    haz: real('haz'),
    bmiz: real('bmiz'),
    muacz: real('muacz'),
    lengthUsedCm: real('length_used_cm'),
    nutritionStatus: text('nutrition_status', { enum: NUTRITION_STATUSES }),
    /** JSON array of the nutrition criteria met (e.g. ["muac-sam"]). */
    nutritionCriteria: text('nutrition_criteria').notNull().default('[]'),
    /** JSON array of anthropometry flags (why a score is missing or implausible). */
    anthropometryFlags: text('anthropometry_flags').notNull().default('[]'),
    /** JSON array of the implausible indicators the user confirmed after re-measuring. */
    implausibleConfirmed: text('implausible_confirmed').notNull().default('[]'),
    /** The protocol profile (id, version) that classified the visit; null on visits saved before it was kept. */
    protocolProfileId: text('protocol_profile_id'),
    protocolProfileVersion: integer('protocol_profile_version'),
    ...recordColumns(),
  },
  (t) => [
    index('visits_patient_date').on(t.patientId, t.visitDate),
    index('visits_date').on(t.visitDate),
    index('visits_next_appointment').on(t.nextAppointment),
  ],
);
