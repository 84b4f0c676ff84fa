// Programme and enrolment rows: the record stores (one outbox call per entity), the built-in programmes and reads.
import { eq } from 'drizzle-orm';
import { CMAM_MESSAGES } from '../../../shared/contract/channels/cmam-messages';
import { AppError } from '../../../shared/contract';
import type { EnrolmentRecord, ProgrammeRecord } from '../../../shared/contract/channels/programmes';
import type { OpenDatabase } from '../../core/state';
import type { Sqlite } from '../../db/open';
import { enrolments, programmes } from '../../db/schema';
import { enqueueStored } from '../../sync/outbox';
import { stmt, type RecordStore } from '../../records';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type EnrolmentRow = typeof enrolments.$inferSelect;

export const programmeStore: RecordStore<ProgrammeRow> = {
  entity: 'programme',
  insert: (db, row) => db.insert(programmes).values(row).run(),
  update: (db, row) => db.update(programmes).set(row).where(eq(programmes.id, row.id)).run(),
  afterWrite: (sqlite, row, at) => enqueueStored(sqlite, 'programme', 'programmes', row.id, at),
};

export const enrolmentStore: RecordStore<EnrolmentRow> = {
  entity: 'enrolment',
  insert: (db, row) => db.insert(enrolments).values(row).run(),
  update: (db, row) => db.update(enrolments).set(row).where(eq(enrolments.id, row.id)).run(),
  afterWrite: (sqlite, row, at) => enqueueStored(sqlite, 'enrolment', 'programme_enrolments', row.id, at),
  patientOf: (row) => row.patientId,
};

/** Fixed ids: the same built-in programme on every facility's computer and on the server. */
export const BUILT_IN = [
  {
    id: '01900000-0000-7000-8000-000000000001',
    code: 'OTP',
    kind: 'cmam',
    name: 'Outpatient therapeutic programme (SAM)',
  },
  {
    id: '01900000-0000-7000-8000-000000000002',
    code: 'SC',
    kind: 'cmam',
    name: 'Stabilisation centre (SAM with complications)',
  },
  {
    id: '01900000-0000-7000-8000-000000000003',
    code: 'TSFP',
    kind: 'cmam',
    name: 'Targeted supplementary feeding (MAM)',
  },
  { id: '01900000-0000-7000-8000-000000000004', code: 'ANC', kind: 'anc', name: 'Antenatal care' },
] as const;

/** Creates the built-in programmes the first time a facility needs them (inside the caller's transaction). */
export function ensureBuiltIns(open: OpenDatabase, at: string): void {
  const have = stmt(open.sqlite, 'SELECT count(*) AS n FROM programmes WHERE built_in = 1').get() as {
    n: number;
  };
  if (have.n >= BUILT_IN.length) return;
  const run = () => {
    for (const p of BUILT_IN) {
      const exists = stmt(open.sqlite, 'SELECT 1 FROM programmes WHERE id = ?').get(p.id);
      if (exists) continue;
      const row: ProgrammeRow = {
        ...p,
        description: '',
        builtIn: true,
        active: true,
        deactivatedOn: null,
        deactivationReason: null,
        createdAt: at,
        createdBy: null,
        updatedAt: at,
        updatedBy: null,
        version: 1,
        voided: false,
        voidReason: null,
      };
      programmeStore.insert(open.db, row);
      programmeStore.afterWrite(open.sqlite, row, at);
    }
  };
  if (open.sqlite.inTransaction) run();
  else open.sqlite.transaction(run)();
}

export function programmeIdOf(code: string): string {
  const found = BUILT_IN.find((p) => p.code === code);
  if (!found) throw new Error(`no built-in programme ${code}`);
  return found.id;
}

/** Open enrolments per programme; CMAM programmes count their open episodes. */
function openCounts(sqlite: Sqlite): Map<string, number> {
  const rows = stmt(
    sqlite,
    `SELECT programme_id AS id, count(*) AS n FROM programme_enrolments
     WHERE unenrolled_on IS NULL AND voided = 0 GROUP BY programme_id
     UNION ALL
     SELECT p.id, count(e.id) FROM programmes p JOIN cmam_episodes e ON e.programme = p.code
     WHERE p.kind = 'cmam' AND e.exit_date IS NULL AND e.voided = 0 AND e.merged = 0 GROUP BY p.id`,
  ).all() as { id: string; n: number }[];
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.id, (out.get(r.id) ?? 0) + r.n);
  return out;
}

export function toProgramme(row: ProgrammeRow, openCount: number): ProgrammeRecord {
  return { ...row, openCount };
}

export function listProgrammeRecords(open: OpenDatabase, includeInactive: boolean): ProgrammeRecord[] {
  const counts = openCounts(open.sqlite);
  return open.db
    .select()
    .from(programmes)
    .all()
    .filter((p) => includeInactive || p.active)
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        Number(b.builtIn) - Number(a.builtIn) ||
        a.code.localeCompare(b.code),
    )
    .map((p) => toProgramme(p, counts.get(p.id) ?? 0));
}

export function openEnrolmentCount(sqlite: Sqlite, programmeId: string): number {
  return (
    stmt(
      sqlite,
      'SELECT count(*) AS n FROM programme_enrolments WHERE programme_id = ? AND unenrolled_on IS NULL AND voided = 0',
    ).get(programmeId) as { n: number }
  ).n;
}

export function requireProgramme(open: OpenDatabase, id: string, field = 'id'): ProgrammeRow {
  const row = open.db.select().from(programmes).where(eq(programmes.id, id)).get();
  if (!row)
    throw new AppError('NOT_FOUND', CMAM_MESSAGES.programmeNotFound, [
      { path: field, message: 'is not a known programme' },
    ]);
  return row;
}

const ENROLMENT_SQL = `
  SELECT e.*, p.code AS programme_code, p.name AS programme_name,
         ub.full_name AS enrolled_by_name, uu.full_name AS unenrolled_by_name
  FROM programme_enrolments e JOIN programmes p ON p.id = e.programme_id
  LEFT JOIN users ub ON ub.id = e.created_by LEFT JOIN users uu ON uu.id = e.unenrolled_by`;

interface EnrolmentLine {
  id: string;
  patient_id: string;
  programme_id: string;
  programme_code: string;
  programme_name: string;
  enrolled_on: string;
  note: string;
  unenrolled_on: string | null;
  unenrolled_by: string | null;
  unenrol_reason: string | null;
  enrolled_by_name: string | null;
  unenrolled_by_name: string | null;
  version: number;
  voided: number;
  void_reason: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

function fromLine(r: EnrolmentLine): EnrolmentRecord {
  return {
    id: r.id,
    patientId: r.patient_id,
    programmeId: r.programme_id,
    programmeCode: r.programme_code,
    programmeName: r.programme_name,
    enrolledOn: r.enrolled_on,
    enrolledBy: r.created_by,
    enrolledByName: r.enrolled_by_name,
    note: r.note,
    unenrolledOn: r.unenrolled_on,
    unenrolledBy: r.unenrolled_by,
    unenrolledByName: r.unenrolled_by_name,
    unenrolReason: r.unenrol_reason,
    version: r.version,
    voided: r.voided === 1,
    voidReason: r.void_reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export function getEnrolment(open: OpenDatabase, id: string): EnrolmentRecord {
  const row = stmt(open.sqlite, `${ENROLMENT_SQL} WHERE e.id = ?`).get(id) as EnrolmentLine | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', CMAM_MESSAGES.enrolmentNotFound, [
      { path: 'id', message: 'is not a known enrolment' },
    ]);
  return fromLine(row);
}

export function patientEnrolments(open: OpenDatabase, patientId: string): EnrolmentRecord[] {
  const rows = stmt(
    open.sqlite,
    `${ENROLMENT_SQL} WHERE e.patient_id = ? ORDER BY e.enrolled_on DESC, e.created_at DESC`,
  ).all(patientId) as EnrolmentLine[];
  return rows.map(fromLine);
}
