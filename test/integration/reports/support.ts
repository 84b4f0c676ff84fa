// A facility with a CMAM episode table shaped as the reports module assumes (built by the CMAM module at merge).
import type { Sqlite } from '../../../src-main/db/open';
import { uuidv7 } from '../../../shared/ids';

export const CMAM_EPISODES_DDL = `CREATE TABLE IF NOT EXISTS cmam_episodes (
  id TEXT PRIMARY KEY, patient_id TEXT NOT NULL, programme TEXT NOT NULL, admission_date TEXT NOT NULL,
  admission_type TEXT NOT NULL, admission_criteria TEXT NOT NULL DEFAULT '[]', exit_date TEXT, exit_type TEXT,
  internal_move INTEGER NOT NULL DEFAULT 0, oedema_at_admission INTEGER NOT NULL DEFAULT 0,
  min_weight_kg REAL, min_weight_date TEXT, exit_weight_kg REAL, merged_into TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided INTEGER NOT NULL DEFAULT 0)`;

export interface EpisodeRow {
  id?: string;
  patientId: string;
  programme?: 'SC' | 'OTP' | 'TSFP';
  admissionDate: string;
  admissionType?: string;
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
  sqlite
    .prepare(
      `INSERT INTO cmam_episodes (id, patient_id, programme, admission_date, admission_type, admission_criteria,
       exit_date, exit_type, internal_move, voided, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      e.patientId,
      e.programme ?? 'OTP',
      e.admissionDate,
      e.admissionType ?? 'new',
      JSON.stringify(e.criteria ?? ['muac']),
      e.exitDate ?? null,
      e.exitType ?? null,
      e.internalMove ? 1 : 0,
      e.voided ? 1 : 0,
      at,
      at,
    );
  return id;
}
