import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { recordColumns } from './columns';
import { patients } from './patients';
import { referrals } from './referrals';

// Plain columns (not JSON) for what the monthly ANC report counts: dating, first contact, outcome, age.
/** One pregnancy of a woman, active until its outcome (delivery or another ending) closes it. */
export const pregnancies = sqliteTable(
  'pregnancies',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    status: text('status', { enum: ['active', 'closed'] }).notNull(),
    registeredOn: text('registered_on').notNull(),
    motherAgeYears: integer('mother_age_years').notNull(),
    lmp: text('lmp'),
    datingMethod: text('dating_method', { enum: ['lmp', 'ultrasound'] }).notNull(),
    ultrasoundDate: text('ultrasound_date'),
    ultrasoundGaDays: integer('ultrasound_ga_days'),
    edd: text('edd').notNull(),
    /** LMP the gestational age counts from: the real one, or EDD − 280 days when dated by ultrasound. */
    datingLmp: text('dating_lmp').notNull(),
    gravida: integer('gravida').notNull(),
    para: integer('para').notNull(),
    abortions: integer('abortions').notNull(),
    livingChildren: integer('living_children').notNull(),
    previousCaesarean: integer('previous_caesarean', { mode: 'boolean' }).notNull(),
    multiplePregnancy: integer('multiple_pregnancy', { mode: 'boolean' }).notNull(),
    hivStatus: text('hiv_status', { enum: ['positive', 'negative', 'unknown'] }).notNull(),
    /** JSON array of history items from the risk list. */
    history: text('history').notNull(),
    /** JSON array of risk factors computed at registration. */
    riskFactors: text('risk_factors').notNull(),
    firstContactDate: text('first_contact_date'),
    firstContactGaDays: integer('first_contact_ga_days'),
    /** Kept by the core after every contact: the list queries are two index range scans. */
    nextContactDate: text('next_contact_date'),
    nextContactNumber: integer('next_contact_number'),
    missedFrom: text('missed_from'),
    /** JSON birth plan (place, attendant, transport, emergency facility, blood donor, savings). */
    birthPlan: text('birth_plan').notNull(),
    outcomeDate: text('outcome_date'),
    outcomeType: text('outcome_type'),
    outcomeReason: text('outcome_reason').notNull(),
    /** JSON delivery details (place, mode, attendant). */
    delivery: text('delivery'),
    ...recordColumns(),
  },
  (t) => [
    index('pregnancies_patient').on(t.patientId),
    index('pregnancies_next_contact').on(t.status, t.voided, t.nextContactDate),
    index('pregnancies_missed').on(t.status, t.voided, t.missedFrom),
    index('pregnancies_outcome').on(t.status, t.voided, t.outcomeDate),
  ],
);

/** One antenatal contact. */
export const ancContacts = sqliteTable(
  'anc_contacts',
  {
    id: text('id').primaryKey(),
    pregnancyId: text('pregnancy_id')
      .notNull()
      .references(() => pregnancies.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    contactDate: text('contact_date').notNull(),
    contactNumber: integer('contact_number').notNull(),
    gaDays: integer('ga_days').notNull(),
    weightKg: real('weight_kg'),
    bp1Systolic: integer('bp1_systolic'),
    bp1Diastolic: integer('bp1_diastolic'),
    bp2Systolic: integer('bp2_systolic'),
    bp2Diastolic: integer('bp2_diastolic'),
    hbGdl: real('hb_gdl'),
    urineProtein: text('urine_protein'),
    urineGlucose: text('urine_glucose'),
    fastingGlucose: real('fasting_glucose'),
    glucoseUnit: text('glucose_unit'),
    fundalHeightCm: real('fundal_height_cm'),
    fetalHeartRate: integer('fetal_heart_rate'),
    presentation: text('presentation'),
    dangerSigns: text('danger_signs').notNull(),
    severeSymptoms: text('severe_symptoms').notNull(),
    iptpDose: integer('iptp_dose'),
    tdDose: integer('td_dose'),
    ironFolic: integer('iron_folic', { mode: 'boolean' }).notNull(),
    hivResult: text('hiv_result'),
    syphilisResult: text('syphilis_result'),
    counselling: text('counselling').notNull(),
    notes: text('notes').notNull(),
    nextContactDate: text('next_contact_date'),
    /** Computed by the core: JSON array of flag codes, and the plain hypertension columns for reports. */
    flags: text('flags').notNull(),
    hypertension: integer('hypertension', { mode: 'boolean' }).notNull(),
    bpLevel: text('bp_level').notNull(),
    preEclampsia: text('pre_eclampsia').notNull(),
    anaemia: text('anaemia'),
    glycaemia: text('glycaemia'),
    referralId: text('referral_id').references(() => referrals.id),
    ...recordColumns(),
  },
  (t) => [
    index('anc_contacts_pregnancy').on(t.pregnancyId, t.contactDate),
    index('anc_contacts_patient').on(t.patientId),
  ],
);

/** Each baby of a delivery; a live-born baby is a patient linked here to the mother. */
export const pregnancyBirths = sqliteTable(
  'pregnancy_births',
  {
    id: text('id').primaryKey(),
    pregnancyId: text('pregnancy_id')
      .notNull()
      .references(() => pregnancies.id),
    motherId: text('mother_id')
      .notNull()
      .references(() => patients.id),
    babyPatientId: text('baby_patient_id').references(() => patients.id),
    birthOrder: integer('birth_order').notNull(),
    outcome: text('outcome', { enum: ['live-birth', 'stillbirth'] }).notNull(),
    sex: text('sex', { enum: ['male', 'female'] }),
    weightKg: real('weight_kg'),
    ...recordColumns(),
  },
  (t) => [
    index('pregnancy_births_pregnancy').on(t.pregnancyId),
    index('pregnancy_births_baby').on(t.babyPatientId),
  ],
);

/** A postnatal contact of the mother or one baby. */
export const postnatalContacts = sqliteTable(
  'postnatal_contacts',
  {
    id: text('id').primaryKey(),
    pregnancyId: text('pregnancy_id')
      .notNull()
      .references(() => pregnancies.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    subject: text('subject', { enum: ['mother', 'baby'] }).notNull(),
    contactDate: text('contact_date').notNull(),
    /** 1–4: within 24 h, day 3, days 7–14, 6 weeks; null when outside every window. */
    contactNumber: integer('contact_number'),
    systolic: integer('systolic'),
    diastolic: integer('diastolic'),
    bleeding: text('bleeding'),
    breastfeeding: text('breastfeeding'),
    dangerSigns: text('danger_signs').notNull(),
    familyPlanning: integer('family_planning', { mode: 'boolean' }).notNull(),
    weightKg: real('weight_kg'),
    notes: text('notes').notNull(),
    ...recordColumns(),
  },
  (t) => [
    index('postnatal_contacts_pregnancy').on(t.pregnancyId),
    index('postnatal_contacts_patient').on(t.patientId),
  ],
);
