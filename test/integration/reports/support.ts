// CMAM episode rows in the real cmam_episodes shape (src-main/db/schema/cmam.ts), inserted directly so a test
// can set up states the CMAM channels refuse on purpose (an exit dated before its admission, a late entry).
import type { Sqlite } from '../../../src-main/db/open';
import { uuidv7 } from '../../../shared/ids';

export interface EpisodeRow {
  id?: string;
  patientId: string;
  programme?: 'SC' | 'OTP' | 'TSFP';
  admissionDate: string;
  admissionType?: 'new' | 'relapse' | 'readmission' | 'transfer-in';
  /** Classification codes as the CMAM module stores them ('muac-sam', 'whz-sam', 'oedema', …). */
  criteria?: string[];
  exitDate?: string | null;
  exitType?: string | null;
  internalMove?: boolean;
  voided?: boolean;
  createdAt?: string;
}

export function insertEpisode(sqlite: Sqlite, e: EpisodeRow): string {
  const id = e.id ?? uuidv7();
  const at = e.createdAt ?? '2026-03-31T12:00:00.000Z';
  const criteria = e.criteria ?? ['muac-sam'];
  const single = criteria.length === 1 ? criteria[0]!.split('-')[0]! : 'several';
  // Sex and age at admission are copied from the patient, as the CMAM admission does.
  sqlite
    .prepare(
      `INSERT INTO cmam_episodes (id, patient_id, programme, number, admission_date, admission_type,
         admission_criterion, criteria, status, weight_kg, muac_mm, oedema, medical_complication, danger_sign,
         exit_date, exit_type, internal_move, sex, age_months_at_admission, protocol, created_at, updated_at,
         voided)
       SELECT @id, p.id, @programme, @number, @admissionDate, @admissionType, @single, @criteria, 'SAM', 7.2, 110,
         'none', 0, 0, @exitDate, @exitType, @internalMove, p.sex,
         CAST((julianday(@admissionDate) - julianday(p.birth_date)) / 30.4375 AS INTEGER), 'national', @at, @at,
         @voided
       FROM patients p WHERE p.id = @patientId`,
    )
    .run({
      id,
      patientId: e.patientId,
      programme: e.programme ?? 'OTP',
      number: `OTP-${id.slice(-6)}`,
      admissionDate: e.admissionDate,
      admissionType: e.admissionType ?? 'new',
      single,
      criteria: JSON.stringify(criteria),
      exitDate: e.exitDate ?? null,
      exitType: e.exitType ?? null,
      internalMove: e.internalMove ? 1 : 0,
      at,
      voided: e.voided ? 1 : 0,
    });
  return id;
}
