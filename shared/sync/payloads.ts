// The sync payload contract: the shape in which each entity travels to the central server (camelCase, real
// types), never the raw SQLite row. The desktop builds outbox payloads from these and the server validates
// pushed records against them, so both sides read one declaration. A change of shape bumps the entity's version.
import { z } from 'zod';
import { ROLES } from '../contract/roles';
import { SEXES } from '../contract/channels/patients';
import { NUTRITION_STATUSES, OEDEMA_GRADES, VISIT_TYPES } from '../contract/channels/visits';
import { REFERRAL_OUTCOMES, REFERRAL_URGENCIES } from '../contract/channels/referrals';
import { FACILITY_TYPES } from '../contract/channels/directory';

const isoTime = z.string().min(10);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nullableNumber = z.number().nullable();

/** Columns every versioned record carries. */
export const recordPayload = {
  id: z.string().min(1),
  version: z.number().int().min(1),
  createdAt: isoTime,
  createdBy: z.string().nullable(),
  updatedAt: isoTime,
  updatedBy: z.string().nullable(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
};

// looseObject: a column added by a later migration still travels (the payload tests list the exact keys, so a
// new column makes them fail until its type is declared here).
export const patientPayload = z.looseObject({
  ...recordPayload,
  registrationNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  otherNames: z.string(),
  sex: z.enum(SEXES),
  birthDate: day,
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
  registeredOn: day,
  mergedInto: z.string().nullable(),
});

export const visitPayload = z.looseObject({
  ...recordPayload,
  patientId: z.string(),
  visitDate: day,
  type: z.enum(VISIT_TYPES),
  clinicianId: z.string().nullable(),
  weightKg: nullableNumber,
  lengthCm: nullableNumber,
  measured: z.enum(['lying', 'standing']).nullable(),
  muacMm: nullableNumber,
  oedema: z.enum(OEDEMA_GRADES).nullable(),
  temperatureC: nullableNumber,
  pulseBpm: nullableNumber,
  respiratoryRate: nullableNumber,
  systolic: nullableNumber,
  diastolic: nullableNumber,
  hbGdl: nullableNumber,
  glucoseMmolL: nullableNumber,
  complaints: z.string(),
  diagnoses: z.array(z.object({ text: z.string(), icd10: z.string() })),
  treatment: z.string(),
  medicines: z.array(z.object({ name: z.string(), dose: z.string() })),
  notes: z.string(),
  nextAppointment: day.nullable(),
  ageDays: nullableNumber,
  whz: nullableNumber,
  waz: nullableNumber,
  haz: nullableNumber,
  bmiz: nullableNumber,
  muacz: nullableNumber,
  lengthUsedCm: nullableNumber,
  nutritionStatus: z.enum(NUTRITION_STATUSES).nullable(),
  nutritionCriteria: z.array(z.string()),
  anthropometryFlags: z.array(z.unknown()),
  implausibleConfirmed: z.array(z.string()),
});

export const referralPayload = z.looseObject({
  ...recordPayload,
  patientId: z.string(),
  visitId: z.string().nullable(),
  toFacilityId: z.string(),
  referralDate: day,
  reason: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  status: z.enum(['open', 'closed']),
  feedbackDate: day.nullable(),
  feedbackOutcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  feedbackNotes: z.string(),
});

export const directoryFacilityPayload = z.looseObject({
  ...recordPayload,
  name: z.string(),
  type: z.enum(FACILITY_TYPES),
  phone: z.string(),
  address: z.string(),
  district: z.string(),
  services: z.array(z.string()),
  notes: z.string(),
  active: z.boolean(),
});

/** The staff directory entry: who a record's createdBy/clinicianId names. No password, PIN or login data. */
export const userPayload = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().min(1),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(ROLES)).min(1),
  active: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** A frozen monthly report (the reports domain freezes them); its body is the report as the desktop shows it. */
export const reportSnapshotPayload = z.looseObject({
  id: z.string().min(1),
  version: z.number().int().min(1),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  report: z.string().min(1),
  body: z.unknown(),
});

/** The audit trail's head: the hash of its last row gives the trail an anchor outside this PC. */
export const auditAnchorPayload = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().min(1),
  seq: z.number().int().min(0),
  hash: z.string(),
  at: isoTime,
});

export const PAYLOAD_SCHEMAS = {
  patient: patientPayload,
  visit: visitPayload,
  referral: referralPayload,
  directory_facility: directoryFacilityPayload,
  user: userPayload,
  report_snapshot: reportSnapshotPayload,
  audit_anchor: auditAnchorPayload,
} as const;

export type KnownEntity = keyof typeof PAYLOAD_SCHEMAS;

/** The shape version of each entity's payload; unknown entities (a domain not declared here yet) travel as 1. */
export const PAYLOAD_VERSIONS: Record<KnownEntity, number> = {
  patient: 1,
  visit: 1,
  referral: 1,
  directory_facility: 1,
  user: 1,
  report_snapshot: 1,
  audit_anchor: 1,
};

/** Any payload: an object with an id and a version (what every entity shares). */
export const genericPayload = z.looseObject({ id: z.string().min(1), version: z.number().int().min(1) });

export function payloadSchemaOf(entity: string): z.ZodType<Record<string, unknown>> {
  return (PAYLOAD_SCHEMAS as Record<string, z.ZodType<Record<string, unknown>>>)[entity] ?? genericPayload;
}

export type PatientPayload = z.infer<typeof patientPayload>;
export type VisitPayload = z.infer<typeof visitPayload>;
export type UserPayload = z.infer<typeof userPayload>;
