import { z } from 'zod';
import { channel } from '../channel';
import { calendarDate } from './common';
import {
  expectedVersion,
  id,
  note,
  noteText,
  optionalLine,
  recordMeta,
  requiredLine,
  voidReason,
} from './record-fields';

export const VISIT_TYPES = [
  'consultation',
  'follow-up',
  'growth-monitoring',
  'nutrition-screening',
  'antenatal',
  'postnatal',
  'immunisation',
  'emergency',
  'other',
] as const;
export const OEDEMA_GRADES = ['none', '+', '++', '+++'] as const;
export const NUTRITION_STATUSES = ['SAM', 'MAM', 'normal'] as const;

/**
 * An optional measurement within what a human body can show at any age. The narrower under-5 limits of
 * CLINICAL.md §1 (impossible values, implausible z-scores) are applied by the core with shared/clinical.
 */
const measure = (min: number, max: number, unit: string, int = false) =>
  (int ? z.number().int() : z.number())
    .min(min, { error: `must be at least ${min} ${unit}` })
    .max(max, { error: `must be at most ${max} ${unit}` })
    .nullable()
    .default(null);

/** ICD-10 code such as A09, E43 or E44.0; '' when not coded. */
export const icd10 = z
  .string()
  .trim()
  .toUpperCase()
  .max(8)
  .refine((s) => s === '' || /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/.test(s), {
    error: 'must be an ICD-10 code like E43 or E44.0',
  })
  .default('');

export const diagnosis = z.object({ text: requiredLine(200), icd10 }).strict();
export const medicine = z.object({ name: requiredLine(120), dose: optionalLine(120) }).strict();

/** The fields of a visit a person fills in (the patient is given on creation only). */
export const visitFields = z
  .object({
    visitDate: calendarDate,
    type: z.enum(VISIT_TYPES).default('consultation'),
    weightKg: measure(0.2, 350, 'kg'),
    lengthCm: measure(20, 250, 'cm'),
    /** How length/height was measured: lying (length) or standing (height). */
    measured: z.enum(['lying', 'standing']).nullable().default(null),
    muacMm: measure(50, 600, 'mm'),
    oedema: z.enum(OEDEMA_GRADES).default('none'),
    temperatureC: measure(25, 45, '°C'),
    pulseBpm: measure(20, 300, '/min', true),
    respiratoryRate: measure(4, 150, '/min', true),
    systolic: measure(40, 300, 'mmHg', true),
    diastolic: measure(20, 200, 'mmHg', true),
    hbGdl: measure(1, 25, 'g/dL'),
    glucoseMmolL: measure(0.5, 60, 'mmol/L'),
    complaints: note(2000),
    diagnoses: z.array(diagnosis).max(20).default([]),
    treatment: note(2000),
    medicines: z.array(medicine).max(30).default([]),
    notes: note(2000),
    nextAppointment: calendarDate.nullable().default(null),
    /** Patient-level allergies; when given, the patient's record is updated (with history). */
    allergies: noteText(500).optional(),
    /** Set after re-measuring: stores values whose z-scores are implausible (CLINICAL.md §1). */
    confirmImplausible: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.systolic !== null && v.diastolic !== null && v.diastolic >= v.systolic) {
      ctx.addIssue({
        code: 'custom',
        path: ['diastolic'],
        message: 'must be lower than the systolic pressure',
      });
    }
    if ((v.systolic === null) !== (v.diastolic === null)) {
      const missing = v.systolic === null ? 'systolic' : 'diastolic';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'is needed with the other blood pressure value',
      });
    }
    if (v.measured !== null && v.lengthCm === null) {
      ctx.addIssue({ code: 'custom', path: ['lengthCm'], message: 'is required when the position is given' });
    }
  });
export type VisitFields = z.input<typeof visitFields>;

export const visitRecord = z.object({
  id: z.string(),
  patientId: z.string(),
  visitDate: z.string(),
  type: z.enum(VISIT_TYPES),
  clinicianId: z.string().nullable(),
  clinicianName: z.string().nullable(),
  weightKg: z.number().nullable(),
  lengthCm: z.number().nullable(),
  measured: z.enum(['lying', 'standing']).nullable(),
  muacMm: z.number().nullable(),
  oedema: z.enum(OEDEMA_GRADES),
  temperatureC: z.number().nullable(),
  pulseBpm: z.number().nullable(),
  respiratoryRate: z.number().nullable(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  hbGdl: z.number().nullable(),
  glucoseMmolL: z.number().nullable(),
  complaints: z.string(),
  diagnoses: z.array(z.object({ text: z.string(), icd10: z.string() })),
  treatment: z.string(),
  medicines: z.array(z.object({ name: z.string(), dose: z.string() })),
  notes: z.string(),
  nextAppointment: z.string().nullable(),
  // Computed by the core with shared/clinical when saved.
  ageDays: z.number().int().nullable(),
  whz: z.number().nullable(),
  waz: z.number().nullable(),
  haz: z.number().nullable(),
  bmiz: z.number().nullable(),
  muacz: z.number().nullable(),
  lengthUsedCm: z.number().nullable(),
  nutritionStatus: z.enum(NUTRITION_STATUSES).nullable(),
  nutritionCriteria: z.array(z.string()),
  anthropometryFlags: z.array(z.string()),
  implausibleConfirmed: z.array(z.string()),
  /** The protocol profile that classified the visit (null on visits saved before it was kept). */
  protocolProfileId: z.string().nullable(),
  protocolProfileVersion: z.number().int().nullable(),
  ...recordMeta,
});
export type VisitRecord = z.infer<typeof visitRecord>;

/** Which appointments: due on the day, due in the 7 days from it, or passed with no visit since. */
export const APPOINTMENT_LISTS = ['today', 'week', 'missed'] as const;
export const appointmentLine = z.object({
  visitId: z.string(),
  patientId: z.string(),
  registrationNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  phone: z.string(),
  village: z.string(),
  /** The visit that set the appointment. */
  visitDate: z.string(),
  visitType: z.enum(VISIT_TYPES),
  appointment: z.string(),
});
export type AppointmentLine = z.infer<typeof appointmentLine>;

export const visitChannels = {
  'visits.appointments': channel({
    summary:
      "Appointments set at each patient's latest visit: due on the day, due this week, or missed (no visit since).",
    permission: 'patients.read',
    audit: 'read',
    readAudit: { action: 'visit.list-appointments', detail: (i, o) => `list=${i.list} results=${o.total}` },
    input: z
      .object({
        list: z.enum(APPOINTMENT_LISTS),
        /** The list as it stands on this day (default: the clinic's today). */
        on: calendarDate.optional(),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    output: z.object({ lines: z.array(appointmentLine), total: z.number().int() }),
  }),
  'visits.create': channel({
    summary: 'Record a visit; z-scores and nutrition status are computed and stored by the core.',
    permission: 'visits.write',
    audit: 'none',
    input: visitFields.safeExtend({ patientId: id }),
    output: visitRecord,
  }),
  'visits.get': channel({
    summary: 'One visit (for the correction form).',
    permission: 'patients.read',
    audit: 'read',
    readAudit: {
      action: 'visit.read',
      target: (i, o) => ({ entity: 'visit', id: i.id, patientId: o.patientId }),
    },
    input: z.object({ id }).strict(),
    output: visitRecord,
  }),
  'visits.update': channel({
    summary: 'Correct a visit: by its author within 24 hours, by a manager any time; the history keeps both.',
    permission: 'visits.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, visit: visitFields }).strict(),
    output: visitRecord,
  }),
  'visits.void': channel({
    summary:
      'Void a visit entered in error, with a reason (kept in the history, left out of charts and reports).',
    permission: 'visits.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, reason: voidReason }).strict(),
    output: visitRecord,
  }),
};
