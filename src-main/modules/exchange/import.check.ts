import { AppError } from '../../../shared/contract';
import type { Sqlite } from '../../db/open';
import {
  CHAIN_START,
  EXPORT_FORMAT,
  TABLE_BY_NAME,
  chainHash,
  columnsOf,
  type ColumnInfo,
  type ExportHeader,
  type ExportTrailer,
  type RowObject,
} from './format';
import type { Job } from './jobs';
import { linesOf } from './lines';

/** How a message names a table: "cmam episodes", not the SQL name. */
export const label = (table: string) => table.replace(/_/g, ' ');

function refuse(message: string): never {
  throw new AppError('VALIDATION', `The file was not imported, nothing was changed: ${message}`);
}

function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return refuse(`line ${line} is not complete JSON (the file was cut or edited).`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkHeader(value: unknown): ExportHeader {
  if (!isRecord(value) || value.format !== EXPORT_FORMAT) {
    refuse(`line 1 does not say "${EXPORT_FORMAT}": this is not a CareDesk export, or a newer version.`);
  }
  const f = value.facility;
  if (
    !isRecord(f) ||
    typeof f.uuid !== 'string' ||
    typeof f.code !== 'string' ||
    typeof f.name !== 'string'
  ) {
    refuse('line 1 does not name the facility.');
  }
  if (!Array.isArray(value.tables)) refuse('line 1 does not list the tables.');
  return value as unknown as ExportHeader;
}

/** Why a value does not fit a column, or null when it does. */
function misfit(value: unknown, column: ColumnInfo): string | null {
  if (value === null) return column.notnull && column.dflt_value === null ? 'is missing' : null;
  const type = column.type.toUpperCase();
  if (isRecord(value)) {
    return type === 'BLOB' && typeof value.b64 === 'string' ? null : 'is not a value';
  }
  if (type === 'TEXT') return typeof value === 'string' ? null : 'must be text';
  if (type === 'INTEGER') return Number.isInteger(value) ? null : 'must be a whole number';
  if (type === 'REAL') return typeof value === 'number' ? null : 'must be a number';
  if (type === 'BLOB') return 'must be a file content';
  return typeof value === 'string' || typeof value === 'number' ? null : 'is not a value';
}

export interface CheckedFile {
  header: ExportHeader;
  trailer: ExportTrailer;
}

/**
 * Reads the whole file once and refuses it, naming the line and the kind of record, if anything is wrong:
 * not our format, a table or column this version does not know, a value that does not fit, a line edited or
 * dropped (the hash chain), or a file cut short (no trailer). Writes nothing.
 */
export async function checkFile(sqlite: Sqlite, file: string, job: Job): Promise<CheckedFile> {
  let header: ExportHeader | null = null;
  let trailer: ExportTrailer | null = null;
  const columns = new Map<string, { names: string[]; info: Map<string, ColumnInfo> }>();
  const counts: Record<string, number> = {};
  let hash = CHAIN_START;
  let last = { line: 0, table: '' };
  for (const [line, text] of linesOf(file)) {
    if (text === '') continue;
    if (trailer) refuse(`line ${line} comes after the end of the export.`);
    const value = parseJson(text, line);
    if (!header) {
      header = checkHeader(value);
      for (const t of header.tables) {
        const spec = TABLE_BY_NAME.get(t.table);
        if (!spec) refuse(`line 1 lists "${t.table}", which this version of CareDesk does not know.`);
        const info = new Map(columnsOf(sqlite, t.table).map((c) => [c.name, c]));
        for (const c of t.columns) {
          if (!info.has(c) || spec.omit.includes(c))
            refuse(`line 1: ${label(t.table)} has an unknown field "${c}".`);
        }
        for (const c of info.values()) {
          if (
            c.notnull &&
            c.dflt_value === null &&
            !spec.omit.includes(c.name) &&
            !t.columns.includes(c.name)
          ) {
            refuse(`line 1: ${label(t.table)} lacks the field "${c.name}".`);
          }
        }
        columns.set(t.table, { names: t.columns, info });
        counts[t.table] = 0;
      }
      continue;
    }
    if (!isRecord(value)) refuse(`line ${line} is not a record.`);
    if (value.end === true) {
      trailer = value as unknown as ExportTrailer;
      continue;
    }
    const table = typeof value.t === 'string' ? value.t : '';
    const cols = columns.get(table);
    if (!cols) refuse(`line ${line} is a kind of record the file did not announce ("${table}").`);
    if (!isRecord(value.r)) refuse(`line ${line} (${label(table)}) has no record.`);
    const row = value.r as RowObject;
    hash = chainHash(hash, table, JSON.stringify(row));
    if (value.h !== hash) {
      refuse(
        `line ${line} (${label(table)} ${String(row.id ?? '')}) was changed, moved or a line before it removed.`,
      );
    }
    const keys = Object.keys(row);
    if (keys.length !== cols.names.length || keys.some((k, i) => k !== cols.names[i])) {
      refuse(`line ${line} (${label(table)}) does not have the fields line 1 announced.`);
    }
    for (const k of keys) {
      const why = misfit(row[k], cols.info.get(k)!);
      if (why) refuse(`line ${line} (${label(table)}): "${k}" ${why}.`);
    }
    counts[table]!++;
    last = { line, table };
    if (line % 2000 === 0) {
      await job.checkpoint();
    }
  }
  if (!header) refuse('the file is empty.');
  if (!trailer) {
    refuse(
      `the file ends early, after line ${last.line}${last.table ? ` (${label(last.table)})` : ''}: it was cut.`,
    );
  }
  if (trailer.hash !== hash) refuse('the end of the file does not match its records (lines were removed).');
  for (const [table, n] of Object.entries(counts)) {
    if ((trailer.counts[table] ?? 0) !== n)
      refuse(`the file announces ${trailer.counts[table] ?? 0} ${label(table)}, it holds ${n}.`);
  }
  return { header, trailer };
}
