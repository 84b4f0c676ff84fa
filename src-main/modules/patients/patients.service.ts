// Registration and correction of patients: rules, then one transaction with the patient,
// its search document, its history, its outbox row and its audit row.
import { and, count, eq } from 'drizzle-orm';
import { PATIENT_MESSAGES } from '../../../shared/contract/channels/patient-messages';
import type { CountryCode } from 'libphonenumber-js';
import { toE164 } from '../../../shared/phones';
import { facilityPhoneRegion } from '../facility/phone-region';
import { AppError, type FieldError } from '../../../shared/contract';
import { localDate } from '../../../shared/clinical';
import { uuidv7 } from '../../../shared/ids';
import type { ParsedPatientDraft, PatientRecord } from '../../../shared/contract/channels/patients';
import {
  birthDateProblem,
  estimatedBirthDate,
  isUnderFive,
} from '../../../shared/contract/channels/patient-rules';
import { invalid } from '../../../shared/contract/validation';
import type { OpenDatabase } from '../../core/state';
import { referrals, visits } from '../../db/schema';
import { findDuplicates } from './duplicates';
import {
  allocateRegistrationNumber,
  facilityCode,
  nextSearchRowid,
  patientStore,
  requirePatient,
  toRecord,
  type PatientRow,
} from './patients.repo';
import {
  assertCanCorrect,
  assertVersion,
  changedFieldsDetail,
  diffFields,
  firstVersion,
  writeFirstVersion,
  writeNextVersion,
  registeredDomains,
  writeVoided,
  type Actor,
} from '../../records';

/** The stored values a draft gives, once its birth date is settled. */
export type PatientValues = Pick<
  PatientRow,
  | 'givenName'
  | 'familyName'
  | 'otherNames'
  | 'sex'
  | 'birthDate'
  | 'birthDateEstimated'
  | 'phone'
  | 'village'
  | 'district'
  | 'nationalId'
  | 'caregiverName'
  | 'caregiverRelationship'
  | 'caregiverPhone'
  | 'caregiverNoPhone'
  | 'allergies'
  | 'notes'
>;

/** Who the person is: correcting these is a correction (author within 24 h, or a manager). */
const IDENTITY_FIELDS = [
  'givenName',
  'familyName',
  'otherNames',
  'sex',
  'birthDate',
  'birthDateEstimated',
  'nationalId',
] as const;
/** How to reach and care for them: kept up to date by anyone who registers patients, with history. */
const CONTACT_FIELDS = [
  'phone',
  'village',
  'district',
  'caregiverName',
  'caregiverRelationship',
  'caregiverPhone',
  'caregiverNoPhone',
  'allergies',
  'notes',
] as const;
const ALL_FIELDS = [...IDENTITY_FIELDS, ...CONTACT_FIELDS];

/** Applies the rules that need today's date; returns the values to store or a VALIDATION naming each field. */
/** `region`: the facility's phone region (phones are stored in E.164 when they read as its numbers). */
export function resolveDraft(draft: ParsedPatientDraft, today: string, region?: CountryCode): PatientValues {
  const fields: FieldError[] = [];
  const birthDate = draft.age ? estimatedBirthDate(draft.age, today) : (draft.birthDate ?? '');
  const problem = birthDateProblem(birthDate, today);
  if (problem) fields.push({ path: draft.age ? 'age' : 'birthDate', message: problem });
  if (!problem && isUnderFive(birthDate, today)) {
    const needed = 'is required for a child under 5';
    if (!draft.caregiverName) fields.push({ path: 'caregiverName', message: needed });
    if (!draft.caregiverRelationship) fields.push({ path: 'caregiverRelationship', message: needed });
    if (!draft.caregiverPhone && !draft.caregiverNoPhone) {
      fields.push({ path: 'caregiverPhone', message: `${needed} (or tick "the caregiver has no phone")` });
    }
  }
  if (fields.length > 0) invalid(fields);
  return {
    givenName: draft.givenName,
    familyName: draft.familyName,
    otherNames: draft.otherNames,
    sex: draft.sex,
    birthDate,
    birthDateEstimated: draft.age ? true : draft.birthDateEstimated,
    phone: toE164(draft.phone, region),
    village: draft.village,
    district: draft.district,
    nationalId: draft.nationalId,
    caregiverName: draft.caregiverName,
    caregiverRelationship: draft.caregiverRelationship,
    caregiverPhone: toE164(draft.caregiverPhone, region),
    caregiverNoPhone: draft.caregiverPhone ? false : draft.caregiverNoPhone,
    allergies: draft.allergies,
    notes: draft.notes,
  };
}

/** Inserts one patient with its number, search document, outbox and audit rows; call inside a transaction. */
export function insertPatient(
  open: OpenDatabase,
  actor: Actor,
  values: PatientValues,
  now: Date,
): PatientRow {
  const { sqlite } = open;
  const at = now.toISOString();
  const today = localDate(now);
  const row: PatientRow = {
    id: uuidv7(now.getTime()),
    registrationNumber: allocateRegistrationNumber(sqlite, facilityCode(sqlite), today.slice(0, 4)),
    ...values,
    registeredOn: today,
    mergedInto: null,
    searchRowid: nextSearchRowid(sqlite),
    ...firstVersion(actor, at),
  };
  return writeFirstVersion(open, actor, at, patientStore, row, 'patient.create');
}

export function registerPatient(
  open: OpenDatabase,
  actor: Actor,
  input: ParsedPatientDraft & { confirmNotDuplicate: boolean },
  now: Date,
): PatientRecord {
  const today = localDate(now);
  const values = resolveDraft(input, today, facilityPhoneRegion(open.sqlite));
  return open.sqlite.transaction(() => {
    if (!input.confirmNotDuplicate) {
      const likely = findDuplicates(open.sqlite, values, today).filter((c) => c.likely);
      if (likely.length > 0) {
        const numbers = likely.map((c) => c.patient.registrationNumber).join(', ');
        throw new AppError('CONFLICT', PATIENT_MESSAGES.likelyDuplicate, [
          {
            path: 'confirmNotDuplicate',
            message: `must be ticked to register a person who looks like ${numbers}`,
          },
        ]);
      }
    }
    return toRecord(insertPatient(open, actor, values, now));
  })();
}

export function updatePatient(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; patient: ParsedPatientDraft },
  now: Date,
): PatientRecord {
  const values = resolveDraft(input.patient, localDate(now), facilityPhoneRegion(open.sqlite));
  return open.sqlite.transaction(() => {
    const before = requireChangeable(open, input.id);
    assertVersion(before.version, input.expectedVersion);
    const changes = diffFields<PatientValues>(before, values, ALL_FIELDS);
    if (changes.length === 0) return toRecord(before);
    if (changes.some((c) => (IDENTITY_FIELDS as readonly string[]).includes(c.field))) {
      assertCanCorrect(before, actor, now);
    }
    const at = now.toISOString();
    const after = writeNextVersion(open, actor, at, patientStore, {
      before,
      set: values,
      history: { action: 'update', changes },
      audit: { action: 'patient.update', detail: changedFieldsDetail(changes) },
    });
    // What other domains derived from this patient (a visit's age and z-scores) follows, in this transaction.
    const correction = { before, after, changed: changes.map((c) => c.field), at, today: localDate(now) };
    for (const domain of registeredDomains()) domain.patientCorrected?.(open, actor, correction);
    return toRecord(after);
  })();
}

export function voidPatient(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; reason: string },
  now: Date,
): PatientRecord {
  const { sqlite, db } = open;
  return sqlite.transaction(() => {
    const before = requireChangeable(open, input.id);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect(before, actor, now);
    const activeVisits = db
      .select({ n: count() })
      .from(visits)
      .where(and(eq(visits.patientId, before.id), eq(visits.voided, false)))
      .get()!.n;
    const activeReferrals = db
      .select({ n: count() })
      .from(referrals)
      .where(and(eq(referrals.patientId, before.id), eq(referrals.voided, false)))
      .get()!.n;
    if (activeVisits + activeReferrals > 0) {
      throw new AppError('CONFLICT', PATIENT_MESSAGES.voidHasRecords);
    }
    const after = writeVoided(open, actor, now.toISOString(), patientStore, {
      before,
      reason: input.reason,
      auditAction: 'patient.void',
    });
    return toRecord(after);
  })();
}

/** A patient that can still be corrected: not voided, not merged away. */
function requireChangeable(open: OpenDatabase, id: string): PatientRow {
  const row = requirePatient(open.db, id);
  if (row.mergedInto) {
    throw new AppError('CONFLICT', PATIENT_MESSAGES.patientMerged);
  }
  if (row.voided) throw new AppError('CONFLICT', PATIENT_MESSAGES.patientVoided);
  return row;
}
