// Reading and writing patient rows: the record shape, the search document and the outbox row stay in step.
import { eq } from 'drizzle-orm';
import { PATIENT_MESSAGES } from '../../../shared/contract/channels/patient-messages';
import { AppError } from '../../../shared/contract';
import type { PatientRecord } from '../../../shared/contract/channels/patients';
import type { Db, Sqlite } from '../../db/open';
import { patients } from '../../db/schema';
import { enqueueStored } from '../../sync/outbox';
import { nextCounter, type RecordStore } from '../../records';
import { indexPatient } from './search-index';

export type PatientRow = typeof patients.$inferSelect;

export function toRecord(row: PatientRow): PatientRecord {
  const { searchRowid: _local, ...record } = row;
  return record;
}

export function findPatient(db: Db, id: string): PatientRow | undefined {
  return db.select().from(patients).where(eq(patients.id, id)).get();
}

export function requirePatient(db: Db, id: string, field = 'id'): PatientRow {
  const row = findPatient(db, id);
  if (!row)
    throw new AppError('NOT_FOUND', PATIENT_MESSAGES.patientNotFound, [
      { path: field, message: 'is not a known patient' },
    ]);
  return row;
}

/** A patient that can take new records (visits, referrals): exists, not voided, not merged away. */
export function requireActivePatient(db: Db, id: string, field = 'patientId'): PatientRow {
  const row = requirePatient(db, id, field);
  if (row.mergedInto) {
    throw new AppError('CONFLICT', PATIENT_MESSAGES.patientMerged, [
      { path: field, message: 'was merged into another record' },
    ]);
  }
  if (row.voided) {
    throw new AppError('CONFLICT', PATIENT_MESSAGES.patientVoidedNoEntries, [
      { path: field, message: 'is voided' },
    ]);
  }
  return row;
}

/** After any write of a patient: refresh its search document and queue it for the server. */
export function afterPatientWrite(sqlite: Sqlite, row: PatientRow, at: string): void {
  indexPatient(sqlite, {
    id: row.id,
    search_rowid: row.searchRowid,
    registration_number: row.registrationNumber,
    given_name: row.givenName,
    family_name: row.familyName,
    other_names: row.otherNames,
    phone: row.phone,
    national_id: row.nationalId,
    caregiver_name: row.caregiverName,
    caregiver_phone: row.caregiverPhone,
    voided: row.voided,
    merged_into: row.mergedInto,
  });
  enqueueStored(sqlite, 'patient', 'patients', row.id, at);
}

/** Patients for writeNextVersion: every write refreshes the search document and queues the row. */
export const patientStore: RecordStore<PatientRow> = {
  entity: 'patient',
  insert: (db, row) => db.insert(patients).values(row).run(),
  update: (db, row) => db.update(patients).set(row).where(eq(patients.id, row.id)).run(),
  afterWrite: afterPatientWrite,
  patientOf: (row) => row.id,
};

/** Next local key of the search index (never reused, never changed: see schema/patients.ts). */
export function nextSearchRowid(sqlite: Sqlite): number {
  const row = sqlite.prepare('SELECT coalesce(max(search_rowid), 0) + 1 AS n FROM patients').get() as {
    n: number;
  };
  return row.n;
}

/** Next registration number, e.g. KSD-01-2026-00042; the counter moves in the caller's transaction. */
export function allocateRegistrationNumber(sqlite: Sqlite, facilityCode: string, year: string): string {
  const last = nextCounter(sqlite, `patient:${year}`);
  return `${facilityCode}-${year}-${String(last).padStart(5, '0')}`;
}

export function facilityCode(sqlite: Sqlite): string {
  const row = sqlite.prepare('SELECT code FROM facility WHERE id = 1').get() as { code: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'The facility record is missing from the database.');
  return row.code;
}
