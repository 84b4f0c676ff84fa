import { z } from 'zod';
import { channel } from '../channel';
import { calendarDate } from './common';
import {
  expectedVersion,
  historyEntry,
  id,
  line,
  note,
  optionalLine,
  phone,
  recordMeta,
  requiredLine,
  voidReason,
} from './record-fields';

export const SEXES = ['male', 'female'] as const;
export const sex = z.enum(SEXES);

/** Age when the date of birth is unknown: stored as an estimated date (today minus the age) and marked so. */
export const ageInput = z
  .object({
    years: z.number().int().min(0).max(130),
    months: z.number().int().min(0).max(11).default(0),
  })
  .strict();

/** The fields a person fills in to register (or correct) a patient. */
export const patientDraftFields = z
  .object({
    givenName: requiredLine(80),
    familyName: requiredLine(80),
    otherNames: optionalLine(120),
    sex,
    /** Give the date of birth, or the age. */
    birthDate: calendarDate.optional(),
    /** The date of birth is approximate (e.g. "born in the rainy season of 2021"). */
    birthDateEstimated: z.boolean().default(false),
    age: ageInput.optional(),
    phone,
    village: optionalLine(120),
    district: optionalLine(120),
    nationalId: optionalLine(40),
    caregiverName: optionalLine(120),
    caregiverRelationship: optionalLine(40),
    caregiverPhone: phone,
    /** For an under-5 whose caregiver has no phone: says so instead of leaving the phone blank. */
    caregiverNoPhone: z.boolean().default(false),
    allergies: note(500),
    notes: note(2000),
  })
  .strict();

/** A complete registration form; the rules that need "today" (future dates, under-5 caregiver) live in the core. */
export const patientDraft = patientDraftFields.superRefine((d, ctx) => {
  if (d.birthDate === undefined && d.age === undefined) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'give the date of birth or the age' });
  }
  if (d.birthDate !== undefined && d.age !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['age'],
      message: 'give either the date of birth or the age, not both',
    });
  }
});
export type PatientDraft = z.input<typeof patientDraft>;
export type ParsedPatientDraft = z.output<typeof patientDraft>;

export const patientRecord = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  otherNames: z.string(),
  sex,
  birthDate: z.string(),
  birthDateEstimated: z.boolean(),
  phone: z.string(),
  village: z.string(),
  district: z.string(),
  nationalId: z.string(),
  caregiverName: z.string(),
  caregiverRelationship: z.string(),
  caregiverPhone: z.string(),
  caregiverNoPhone: z.boolean(),
  allergies: z.string(),
  notes: z.string(),
  registeredOn: z.string(),
  /** The survivor, when a manager merged this record into another one. */
  mergedInto: z.string().nullable(),
  ...recordMeta,
});
export type PatientRecord = z.infer<typeof patientRecord>;

export const age = z.object({ years: z.number().int(), months: z.number().int(), days: z.number().int() });
export type Age = z.infer<typeof age>;

/** A programme a patient is enrolled in (programmes arrive with their own issue; the list is empty until then). */
export const programmeBadge = z.object({ code: z.string(), name: z.string() });

export const patientSummary = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  otherNames: z.string(),
  sex,
  birthDate: z.string(),
  birthDateEstimated: z.boolean(),
  age,
  village: z.string(),
  phone: z.string(),
  caregiverName: z.string(),
  caregiverPhone: z.string(),
  programmes: z.array(programmeBadge),
});
export type PatientSummary = z.infer<typeof patientSummary>;

export const DUPLICATE_REASONS = [
  'same-name',
  'similar-name',
  'same-birth-date',
  'close-birth-date',
  'same-birth-year',
  'same-phone',
  'same-caregiver-phone',
  'same-national-id',
  'same-caregiver',
] as const;
export const duplicateCandidate = z.object({
  patient: patientSummary,
  /** 0–100: 60 and above is a likely duplicate (registration asks for confirmation). */
  score: z.number().int(),
  likely: z.boolean(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

const nutritionStatus = z.enum(['SAM', 'MAM', 'normal']);

export const timelineItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('visit'),
    id: z.string(),
    date: z.string(),
    type: z.string(),
    clinicianName: z.string().nullable(),
    weightKg: z.number().nullable(),
    muacMm: z.number().nullable(),
    nutritionStatus: nutritionStatus.nullable(),
    diagnoses: z.array(z.string()),
    voided: z.boolean(),
  }),
  z.object({
    kind: z.literal('referral'),
    id: z.string(),
    date: z.string(),
    facilityName: z.string(),
    urgency: z.string(),
    status: z.enum(['open', 'closed']),
    outcome: z.string().nullable(),
    voided: z.boolean(),
  }),
  z.object({
    kind: z.literal('enrolment'),
    id: z.string(),
    date: z.string(),
    programme: z.string(),
    voided: z.boolean(),
  }),
  // Programme work other than the enrolment itself: CMAM admission, follow-up, exit or move; an unenrolment.
  z.object({
    kind: z.literal('programme-event'),
    id: z.string(),
    date: z.string(),
    programme: z.string(),
    event: z.enum(['admission', 'followup', 'exit', 'move', 'unenrolment']),
    /** The programme number (CMAM) when there is one. */
    number: z.string().nullable(),
    /** Exit type, admission type or unenrolment reason. */
    outcome: z.string().nullable(),
    voided: z.boolean(),
  }),
  z.object({
    kind: z.literal('pregnancy'),
    id: z.string(),
    date: z.string(),
    summary: z.string(),
    voided: z.boolean(),
  }),
  z.object({
    kind: z.literal('document'),
    id: z.string(),
    date: z.string(),
    title: z.string(),
    category: z.string(),
    voided: z.boolean(),
  }),
]);
export type TimelineItem = z.infer<typeof timelineItem>;

export const growthPoint = z.object({
  visitId: z.string(),
  date: z.string(),
  ageDays: z.number().int(),
  weightKg: z.number().nullable(),
  /** Length/height after the lying/standing adjustment, as the WHO tables were read. */
  lengthUsedCm: z.number().nullable(),
  table: z.enum(['wfl', 'wfh']).nullable(),
  waz: z.number().nullable(),
  whz: z.number().nullable(),
  haz: z.number().nullable(),
  oedema: z.boolean(),
});
export type GrowthPoint = z.infer<typeof growthPoint>;

export const chartOutput = z.object({
  patient: patientRecord,
  age,
  programmes: z.array(programmeBadge),
  /** The current pregnancy (pregnancies arrive with their own issue; null until then). */
  pregnancy: z.object({ edd: z.string(), gestationalAgeDays: z.number().int() }).nullable(),
  latestNutrition: z
    .object({
      status: nutritionStatus,
      criteria: z.array(z.string()),
      visitId: z.string(),
      visitDate: z.string(),
      muacMm: z.number().nullable(),
      whz: z.number().nullable(),
    })
    .nullable(),
  /** Newest first; voided entries included (greyed in the UI). */
  timeline: z.array(timelineItem),
  /** For under-5s: every non-voided visit with a weight, oldest first. */
  growth: z.array(growthPoint),
  underFive: z.boolean(),
});
export type PatientChart = z.infer<typeof chartOutput>;

const byId = z.object({ id }).strict();

export const patientChannels = {
  'patients.checkDuplicates': channel({
    summary: 'Likely existing records for a patient about to be registered, scored, with the reasons.',
    permission: 'patients.read',
    audit: 'read',
    readAudit: {
      action: 'patient.duplicate-check',
      detail: (_i, o) => `candidates=${o.candidates.length}`,
      shown: (_i, o) => o.candidates.map((c) => c.patient.id),
    },
    // The registration form as it is being filled: every field optional.
    input: patientDraftFields.partial().safeExtend({
      confirmNotDuplicate: z.boolean().optional(),
      /** The record being corrected, left out of its own candidates. */
      excludeId: id.optional(),
    }),
    output: z.object({ candidates: z.array(duplicateCandidate) }),
  }),
  'patients.register': channel({
    summary:
      'Register a patient: assigns the facility registration number; likely duplicates need confirming.',
    permission: 'patients.write',
    audit: 'none',
    input: patientDraft.safeExtend({
      /** Set after the user reviewed the likely duplicates and says this is a different person. */
      confirmNotDuplicate: z.boolean().default(false),
    }),
    output: patientRecord,
  }),
  'patients.search': channel({
    summary: 'Find patients by any part of any name in any order, registration number, phone or caregiver.',
    permission: 'patients.read',
    audit: 'read',
    readAudit: {
      action: 'patient.search',
      detail: (_i, o) => `results=${o.results.length}`,
      shown: (_i, o) => o.results.map((r) => r.id),
    },
    input: z
      .object({
        query: line(100),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ results: z.array(patientSummary) }),
  }),
  'patients.get': channel({
    summary: 'One patient record (for the correction form).',
    permission: 'patients.read',
    audit: 'read',
    readAudit: { action: 'patient.read', target: (i) => ({ entity: 'patient', id: i.id, patientId: i.id }) },
    input: byId,
    output: patientRecord,
  }),
  'patients.chart': channel({
    summary: 'Patient chart: header, timeline of visits and referrals, growth points for under-5s.',
    permission: 'patients.read',
    audit: 'read',
    readAudit: { action: 'patient.read', target: (i) => ({ entity: 'patient', id: i.id, patientId: i.id }) },
    input: byId,
    output: chartOutput,
  }),
  'patients.update': channel({
    summary:
      'Correct or update a patient. Contact details any time; identity (names, sex, birth) by its author within 24 h or a manager.',
    permission: 'patients.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, patient: patientDraft }).strict(),
    output: patientRecord,
  }),
  'patients.void': channel({
    summary: 'Void a patient registered in error (kept, hidden from search), with a reason.',
    permission: 'patients.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, reason: voidReason }).strict(),
    output: patientRecord,
  }),
  'patients.merge': channel({
    summary:
      'Merge a duplicate into the surviving record: its visits, referrals and other records move over.',
    permission: 'patients.merge',
    audit: 'none',
    input: z
      .object({
        survivorId: id,
        mergedId: id,
        survivorVersion: expectedVersion,
        mergedVersion: expectedVersion,
        reason: voidReason,
      })
      .strict()
      .refine((m) => m.survivorId !== m.mergedId, {
        path: ['mergedId'],
        error: 'must be a different record from the one kept',
      }),
    output: z.object({
      survivor: patientRecord,
      /** How many records moved, per kind (e.g. { visits: 3, referrals: 1 }). */
      moved: z.record(z.string(), z.number().int()),
    }),
  }),
  'patients.reindex': channel({
    summary:
      'IT repair: rebuild the patient search index from the patient records (no patient data returned).',
    permission: 'settings.manage',
    audit: 'none',
    input: z.object({}).strict(),
    output: z.object({ indexed: z.number().int() }),
  }),
  'patients.history': channel({
    summary: 'Version history of a patient, visit or referral: who changed what, when and why.',
    permission: 'patients.read',
    audit: 'read',
    readAudit: {
      action: 'record.history',
      target: (i) => ({ entity: i.entity, id: i.id, patientId: i.entity === 'patient' ? i.id : null }),
    },
    // A record kind a domain registered ("patient", "visit", "referral", …): the core refuses any other.
    input: z.object({ entity: z.string().regex(/^[a-z][a-z_]{0,39}$/), id }).strict(),
    output: z.object({ entries: z.array(historyEntry) }),
  }),
};
