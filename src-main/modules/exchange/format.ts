import { createHash } from 'node:crypto';
import type { Sqlite } from '../../db/open';

/** The version tag of the full export. A reader refuses any other (DESIGN: versioned exchange formats). */
export const EXPORT_FORMAT = 'caredesk-export/1';

/**
 * One exported table: its SQL name, the column(s) that identify a row across databases, and what is left out.
 * Order matters: parents before children, so a reader can rebuild in one pass (foreign keys are deferred
 * anyway, for merge chains among patients).
 */
export interface TableSpec {
  table: string;
  /** Columns that identify the row; null = no natural key (record history: the whole row is its identity). */
  key: readonly string[] | null;
  /** Columns never exported (secrets, machine-local values). */
  omit: readonly string[];
  /** Whether rows carry a `version` (same id → highest version wins). */
  versioned: boolean;
}

export const TABLES: readonly TableSpec[] = [
  { table: 'users', key: ['id'], omit: ['pin_hash', 'last_login_at'], versioned: true },
  { table: 'directory_facilities', key: ['id'], omit: [], versioned: true },
  { table: 'programmes', key: ['id'], omit: [], versioned: true },
  { table: 'patients', key: ['id'], omit: ['search_rowid'], versioned: true },
  { table: 'visits', key: ['id'], omit: [], versioned: true },
  { table: 'referrals', key: ['id'], omit: [], versioned: true },
  { table: 'programme_enrolments', key: ['id'], omit: [], versioned: true },
  { table: 'cmam_episodes', key: ['id'], omit: [], versioned: true },
  { table: 'cmam_followups', key: ['id'], omit: [], versioned: true },
  { table: 'rutf_stock_movements', key: ['id'], omit: [], versioned: true },
  { table: 'pregnancies', key: ['id'], omit: [], versioned: true },
  { table: 'anc_contacts', key: ['id'], omit: [], versioned: true },
  { table: 'postnatal_contacts', key: ['id'], omit: [], versioned: true },
  { table: 'pregnancy_births', key: ['id'], omit: [], versioned: true },
  { table: 'documents', key: ['id'], omit: [], versioned: true },
  { table: 'document_contents', key: ['document_id'], omit: [], versioned: false },
  { table: 'document_thumbnails', key: ['document_id'], omit: [], versioned: false },
  { table: 'report_freezes', key: ['id'], omit: [], versioned: false },
  { table: 'registration_counters', key: ['scope'], omit: [], versioned: false },
  { table: 'record_history', key: null, omit: ['seq'], versioned: false },
];

export const TABLE_BY_NAME: ReadonlyMap<string, TableSpec> = new Map(TABLES.map((t) => [t.table, t]));

/** The first line of a file. */
export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  appVersion: string;
  facility: {
    uuid: string;
    code: string;
    name: string;
    district: string;
    country: string;
    protocolProfile: string;
  };
  /** Each table with the columns its rows carry (so a reader can check a row before writing anything). */
  tables: { table: string; columns: string[] }[];
}

/** The last line: row counts and the hash of the last row line (a truncated file has no trailer). */
export interface ExportTrailer {
  end: true;
  counts: Record<string, number>;
  rows: number;
  hash: string;
}

/** A row value as JSON carries it: blobs as `{ "b64": "…" }`. */
export type CellValue = string | number | null | { b64: string };
export type RowObject = Record<string, CellValue>;

/**
 * Each row line carries `h`, a hash over the previous line's hash, the table and the row as written. Editing,
 * dropping or reordering a line breaks the chain at that line, so a reader names it.
 */
export function chainHash(previous: string, table: string, rowJson: string): string {
  return createHash('sha256')
    .update(previous)
    .update('\n')
    .update(table)
    .update('\n')
    .update(rowJson)
    .digest('hex');
}

export const CHAIN_START = '0'.repeat(64);

export function encodeCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return { b64: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number') return value;
  return String(value);
}

export function decodeCell(value: CellValue): string | number | null | Buffer {
  if (value !== null && typeof value === 'object') return Buffer.from(value.b64, 'base64');
  return value;
}

export interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

export function columnsOf(sqlite: Sqlite, table: string): ColumnInfo[] {
  return sqlite.prepare(`PRAGMA table_info("${table}")`).all() as ColumnInfo[];
}

/** The columns a table exports, in the database's order. */
export function exportedColumns(sqlite: Sqlite, spec: TableSpec): string[] {
  return columnsOf(sqlite, spec.table)
    .map((c) => c.name)
    .filter((name) => !spec.omit.includes(name));
}
