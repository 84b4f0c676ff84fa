// Referrals: a patient sent to a directory facility with reason and urgency, open until the
// feedback comes back. Feedback and voiding keep a history; every change travels to the server.
import { eq } from 'drizzle-orm';
import { PATIENT_MESSAGES } from '../../../shared/contract/channels/patient-messages';
import { daysBetween, localDate } from '../../../shared/clinical';
import { AppError, type FieldError } from '../../../shared/contract';
import type { OpenReferral, ReferralRecord } from '../../../shared/contract/channels/referrals';
import { invalid } from '../../../shared/contract/validation';
import { uuidv7 } from '../../../shared/ids';
import type { OpenDatabase } from '../../core/state';
import { referrals, visits } from '../../db/schema';
import { enqueueStored } from '../../sync/outbox';
import { requireFacility } from '../directory/directory.service';
import { requireActivePatient } from '../patients/patients.repo';
import {
  assertCanCorrect,
  assertVersion,
  firstVersion,
  writeFirstVersion,
  writeNextVersion,
  writeVoided,
  type Actor,
  type RecordStore,
} from '../../records';
import { stmt } from '../../records';

type Row = typeof referrals.$inferSelect;

export const referralStore: RecordStore<Row> = {
  entity: 'referral',
  insert: (db, row) => db.insert(referrals).values(row).run(),
  update: (db, row) => db.update(referrals).set(row).where(eq(referrals.id, row.id)).run(),
  afterWrite: (sqlite, row, at) => enqueueStored(sqlite, 'referral', 'referrals', row.id, at),
  patientOf: (row) => row.patientId,
};

const FEEDBACK_FIELDS = ['status', 'feedbackDate', 'feedbackOutcome', 'feedbackNotes'] as const;

const RECORD_SQL = `
  SELECT r.*, f.name AS facility_name, f.type AS facility_type, f.phone AS facility_phone
  FROM referrals r JOIN directory_facilities f ON f.id = r.to_facility_id`;

interface JoinedRow {
  id: string;
  patient_id: string;
  visit_id: string | null;
  to_facility_id: string;
  referral_date: string;
  reason: string;
  urgency: ReferralRecord['urgency'];
  status: ReferralRecord['status'];
  feedback_date: string | null;
  feedback_outcome: ReferralRecord['feedbackOutcome'];
  feedback_notes: string;
  version: number;
  voided: number;
  void_reason: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  facility_name: string;
  facility_type: ReferralRecord['facilityType'];
  facility_phone: string;
}

function fromJoined(r: JoinedRow): ReferralRecord {
  return {
    id: r.id,
    patientId: r.patient_id,
    visitId: r.visit_id,
    toFacilityId: r.to_facility_id,
    facilityName: r.facility_name,
    facilityType: r.facility_type,
    facilityPhone: r.facility_phone,
    referralDate: r.referral_date,
    reason: r.reason,
    urgency: r.urgency,
    status: r.status,
    feedbackDate: r.feedback_date,
    feedbackOutcome: r.feedback_outcome,
    feedbackNotes: r.feedback_notes,
    version: r.version,
    voided: r.voided === 1,
    voidReason: r.void_reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export function getReferral(open: OpenDatabase, id: string): ReferralRecord {
  const row = stmt(open.sqlite, `${RECORD_SQL} WHERE r.id = ?`).get(id) as JoinedRow | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', PATIENT_MESSAGES.referralNotFound, [
      { path: 'id', message: 'is not a known referral' },
    ]);
  return fromJoined(row);
}

function requireRow(open: OpenDatabase, id: string): Row {
  const row = open.db.select().from(referrals).where(eq(referrals.id, id)).get();
  if (!row)
    throw new AppError('NOT_FOUND', PATIENT_MESSAGES.referralNotFound, [
      { path: 'id', message: 'is not a known referral' },
    ]);
  if (row.voided) throw new AppError('CONFLICT', PATIENT_MESSAGES.referralVoided);
  return row;
}

export function createReferral(
  open: OpenDatabase,
  actor: Actor,
  input: {
    patientId: string;
    visitId: string | null;
    toFacilityId: string;
    referralDate: string;
    reason: string;
    urgency: Row['urgency'];
  },
  now: Date,
): ReferralRecord {
  const at = now.toISOString();
  const today = localDate(now);
  return open.sqlite.transaction(() => {
    const patient = requireActivePatient(open.db, input.patientId);
    const facility = requireFacility(open, input.toFacilityId, 'toFacilityId');
    const fields: FieldError[] = [];
    if (!facility.active)
      fields.push({ path: 'toFacilityId', message: 'is no longer active in the directory' });
    if (input.referralDate > today) fields.push({ path: 'referralDate', message: 'is in the future' });
    if (input.referralDate < patient.birthDate)
      fields.push({ path: 'referralDate', message: "is before the patient's date of birth" });
    if (input.visitId) {
      const visit = open.db.select().from(visits).where(eq(visits.id, input.visitId)).get();
      if (!visit || visit.voided || visit.patientId !== patient.id) {
        fields.push({ path: 'visitId', message: 'is not a visit of this patient' });
      }
    }
    if (fields.length > 0) invalid(fields);
    const row: Row = {
      id: uuidv7(now.getTime()),
      patientId: patient.id,
      visitId: input.visitId,
      toFacilityId: facility.id,
      referralDate: input.referralDate,
      reason: input.reason,
      urgency: input.urgency,
      status: 'open',
      feedbackDate: null,
      feedbackOutcome: null,
      feedbackNotes: '',
      ...firstVersion(actor, at),
    };
    writeFirstVersion(open, actor, at, referralStore, row, 'referral.create');
    return getReferral(open, row.id);
  })();
}

export function recordFeedback(
  open: OpenDatabase,
  actor: Actor,
  input: {
    id: string;
    expectedVersion: number;
    feedbackDate: string;
    outcome: NonNullable<Row['feedbackOutcome']>;
    notes: string;
  },
  now: Date,
): ReferralRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = requireRow(open, input.id);
    assertVersion(before.version, input.expectedVersion);
    // Feedback already recorded is a correction: its author within 24 hours, or a manager.
    if (before.status === 'closed')
      assertCanCorrect({ createdBy: before.updatedBy, createdAt: before.updatedAt }, actor, now);
    const fields: FieldError[] = [];
    if (input.feedbackDate > localDate(now))
      fields.push({ path: 'feedbackDate', message: 'is in the future' });
    if (input.feedbackDate < before.referralDate) {
      fields.push({ path: 'feedbackDate', message: `is before the referral date (${before.referralDate})` });
    }
    if (fields.length > 0) invalid(fields);
    const set: Pick<Row, (typeof FEEDBACK_FIELDS)[number]> = {
      status: 'closed',
      feedbackDate: input.feedbackDate,
      feedbackOutcome: input.outcome,
      feedbackNotes: input.notes,
    };
    const changes = FEEDBACK_FIELDS.filter((f) => before[f] !== set[f]).map((f) => ({
      field: f,
      from: before[f],
      to: set[f],
    }));
    writeNextVersion(open, actor, at, referralStore, {
      before,
      set,
      history: { action: 'update', changes },
      audit: { action: 'referral.feedback' },
    });
    return getReferral(open, before.id);
  })();
}

export function voidReferral(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; reason: string },
  now: Date,
): ReferralRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = requireRow(open, input.id);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect(before, actor, now);
    writeVoided(open, actor, at, referralStore, {
      before,
      reason: input.reason,
      auditAction: 'referral.void',
    });
    return getReferral(open, before.id);
  })();
}

const URGENCY_ORDER = `CASE r.urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`;

export function listOpenReferrals(
  open: OpenDatabase,
  filter: { urgency?: Row['urgency'] | undefined; limit: number },
  now: Date,
): { referrals: OpenReferral[]; total: number } {
  const today = localDate(now);
  const where = `WHERE r.status = 'open' AND r.voided = 0 AND p.voided = 0 AND (@urgency IS NULL OR r.urgency = @urgency)`;
  const rows = stmt(
    open.sqlite,
    `SELECT r.*, f.name AS facility_name, f.type AS facility_type, f.phone AS facility_phone,
            p.registration_number, p.given_name, p.family_name, p.phone AS patient_phone, p.caregiver_phone
     FROM referrals r
     JOIN directory_facilities f ON f.id = r.to_facility_id
     JOIN patients p ON p.id = r.patient_id
     ${where} ORDER BY ${URGENCY_ORDER}, r.referral_date, r.created_at LIMIT @limit`,
  ).all({ urgency: filter.urgency ?? null, limit: filter.limit }) as (JoinedRow & {
    registration_number: string;
    given_name: string;
    family_name: string;
    patient_phone: string;
    caregiver_phone: string;
  })[];
  const total = (
    stmt(
      open.sqlite,
      `SELECT count(*) AS n FROM referrals r JOIN patients p ON p.id = r.patient_id ${where}`,
    ).get({
      urgency: filter.urgency ?? null,
    }) as { n: number }
  ).n;
  return {
    total,
    referrals: rows.map((r) => ({
      ...fromJoined(r),
      patient: {
        registrationNumber: r.registration_number,
        givenName: r.given_name,
        familyName: r.family_name,
        phone: r.patient_phone,
        caregiverPhone: r.caregiver_phone,
      },
      daysOpen: Math.max(0, daysBetween(r.referral_date, today)),
    })),
  };
}
