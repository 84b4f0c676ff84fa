// Visits (issue 5 §5, §6): recorded by the signed-in clinician, numbers computed by the core, corrections with
// history, voiding with a reason, all in one transaction with their outbox and audit rows.
import { eq } from 'drizzle-orm';
import { PATIENT_MESSAGES } from '../../../shared/contract/channels/patient-messages';
import { localDate } from '../../../shared/clinical';
import { AppError } from '../../../shared/contract';
import type { VisitRecord } from '../../../shared/contract/channels/visits';
import { uuidv7 } from '../../../shared/ids';
import type { OpenDatabase } from '../../core/state';
import { facilityProtocol, type ProtocolRef } from '../facility/protocol';
import { users, visits } from '../../db/schema';
import { enqueueStored } from '../../sync/outbox';
import { patientStore, requireActivePatient, type PatientRow } from '../patients/patients.repo';
import {
  assertCanCorrect,
  assertVersion,
  changedFieldsDetail,
  diffFields,
  firstVersion,
  writeFirstVersion,
  writeNextVersion,
  writeVoided,
  type Actor,
  type RecordStore,
} from '../../records';
import { parseJson } from '../../records';
import { assessVisit, type ParsedVisitFields, type VisitNumbers } from './measure';

export type VisitRow = typeof visits.$inferSelect;

export const visitStore: RecordStore<VisitRow> = {
  entity: 'visit',
  insert: (db, row) => db.insert(visits).values(row).run(),
  update: (db, row) => db.update(visits).set(row).where(eq(visits.id, row.id)).run(),
  afterWrite: (sqlite, row, at) => enqueueStored(sqlite, 'visit', 'visits', row.id, at),
  patientOf: (row) => row.patientId,
};

/** The columns a person fills in (compared for the history of a correction). */
const ENTERED = [
  'visitDate',
  'type',
  'weightKg',
  'lengthCm',
  'measured',
  'muacMm',
  'oedema',
  'temperatureC',
  'pulseBpm',
  'respiratoryRate',
  'systolic',
  'diastolic',
  'hbGdl',
  'glucoseMmolL',
  'complaints',
  'diagnoses',
  'treatment',
  'medicines',
  'notes',
  'nextAppointment',
] as const;

export function toVisitRecord(row: VisitRow, clinicianName: string | null): VisitRecord {
  return {
    ...row,
    oedema: row.oedema ?? 'none',
    clinicianName,
    diagnoses: parseJson(row.diagnoses, []),
    medicines: parseJson(row.medicines, []),
    nutritionCriteria: parseJson(row.nutritionCriteria, []),
    anthropometryFlags: parseJson(row.anthropometryFlags, []),
    implausibleConfirmed: parseJson(row.implausibleConfirmed, []),
  };
}

function columnsOf(v: ParsedVisitFields, n: VisitNumbers, profile: ProtocolRef) {
  return {
    protocolProfileId: profile.id,
    protocolProfileVersion: profile.version,
    visitDate: v.visitDate,
    type: v.type,
    weightKg: v.weightKg,
    lengthCm: v.lengthCm,
    measured: v.measured,
    muacMm: v.muacMm,
    oedema: v.oedema,
    temperatureC: v.temperatureC,
    pulseBpm: v.pulseBpm,
    respiratoryRate: v.respiratoryRate,
    systolic: v.systolic,
    diastolic: v.diastolic,
    hbGdl: v.hbGdl,
    glucoseMmolL: v.glucoseMmolL,
    complaints: v.complaints,
    diagnoses: JSON.stringify(v.diagnoses),
    treatment: v.treatment,
    medicines: JSON.stringify(v.medicines),
    notes: v.notes,
    nextAppointment: v.nextAppointment,
    ageDays: n.ageDays,
    whz: n.whz,
    waz: n.waz,
    haz: n.haz,
    bmiz: n.bmiz,
    muacz: n.muacz,
    lengthUsedCm: n.lengthUsedCm,
    nutritionStatus: n.nutritionStatus,
    nutritionCriteria: JSON.stringify(n.nutritionCriteria),
    anthropometryFlags: JSON.stringify(n.anthropometryFlags),
    implausibleConfirmed: JSON.stringify(n.implausibleConfirmed),
  };
}

function clinicianName(open: OpenDatabase, id: string | null): string | null {
  if (!id) return null;
  return open.db.select({ n: users.fullName }).from(users).where(eq(users.id, id)).get()?.n ?? null;
}

/** Patient-level allergies typed on a visit form update the patient (with history), in the visit's transaction. */
function applyAllergies(
  open: OpenDatabase,
  actor: Actor,
  patient: PatientRow,
  allergies: string | undefined,
  at: string,
): void {
  if (allergies === undefined || allergies === patient.allergies) return;
  const changes = [{ field: 'allergies', from: patient.allergies, to: allergies }];
  writeNextVersion(open, actor, at, patientStore, {
    before: patient,
    set: { allergies },
    history: { action: 'update', changes },
    audit: { action: 'patient.update', detail: changedFieldsDetail(changes) },
  });
}

export function createVisit(
  open: OpenDatabase,
  actor: Actor,
  input: ParsedVisitFields & { patientId: string },
  now: Date,
): VisitRecord {
  const { sqlite, db } = open;
  const at = now.toISOString();
  return sqlite.transaction(() => {
    const patient = requireActivePatient(db, input.patientId);
    const profile = facilityProtocol(sqlite);
    const numbers = assessVisit(patient, input, localDate(now), profile);
    const row: VisitRow = {
      id: uuidv7(now.getTime()),
      patientId: patient.id,
      clinicianId: actor.userId,
      ...columnsOf(input, numbers, profile),
      ...firstVersion(actor, at),
    };
    writeFirstVersion(open, actor, at, visitStore, row, 'visit.create');
    applyAllergies(open, actor, patient, input.allergies, at);
    return toVisitRecord(row, clinicianName(open, actor.userId));
  })();
}

function requireVisit(open: OpenDatabase, id: string): VisitRow {
  const row = open.db.select().from(visits).where(eq(visits.id, id)).get();
  if (!row)
    throw new AppError('NOT_FOUND', PATIENT_MESSAGES.visitNotFound, [
      { path: 'id', message: 'is not a known visit' },
    ]);
  return row;
}

export function getVisit(open: OpenDatabase, id: string): VisitRecord {
  const row = requireVisit(open, id);
  return toVisitRecord(row, clinicianName(open, row.clinicianId));
}

export function updateVisit(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; visit: ParsedVisitFields },
  now: Date,
): VisitRecord {
  const { sqlite, db } = open;
  const at = now.toISOString();
  return sqlite.transaction(() => {
    const before = requireVisit(open, input.id);
    if (before.voided) throw new AppError('CONFLICT', PATIENT_MESSAGES.visitVoided);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect(before, actor, now);
    const patient = requireActivePatient(db, before.patientId, 'id');
    const profile = facilityProtocol(sqlite);
    const numbers = assessVisit(patient, input.visit, localDate(now), profile);
    const next = columnsOf(input.visit, numbers, profile);
    const changes = diffFields({ ...before }, { ...before, ...next }, ENTERED);
    const allergiesChange =
      input.visit.allergies !== undefined && input.visit.allergies !== patient.allergies;
    if (changes.length === 0 && !allergiesChange)
      return toVisitRecord(before, clinicianName(open, before.clinicianId));
    let after = before;
    if (changes.length > 0) {
      after = writeNextVersion(open, actor, at, visitStore, {
        before,
        set: next,
        history: { action: 'update', changes },
        audit: { action: 'visit.update', detail: changedFieldsDetail(changes) },
      });
    }
    applyAllergies(open, actor, patient, input.visit.allergies, at);
    return toVisitRecord(after, clinicianName(open, after.clinicianId));
  })();
}

export function voidVisit(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; reason: string },
  now: Date,
): VisitRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = requireVisit(open, input.id);
    if (before.voided) throw new AppError('CONFLICT', PATIENT_MESSAGES.visitVoided);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect(before, actor, now);
    const after = writeVoided(open, actor, at, visitStore, {
      before,
      reason: input.reason,
      auditAction: 'visit.void',
    });
    return toVisitRecord(after, clinicianName(open, after.clinicianId));
  })();
}
