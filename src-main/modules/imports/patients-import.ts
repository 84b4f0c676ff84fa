// Bulk import of patients from CSV: every row validated with the registration rules, errors by row
import { PATIENT_MESSAGES } from '../../../shared/contract/channels/patient-messages';
// and column, suspected duplicates (in the database and inside the file); nothing saved until the user confirms
// the exact file previewed, then every row or none in one transaction.
import { createHash } from 'node:crypto';
import { localDate } from '../../../shared/clinical';
import { AppError, type FieldError } from '../../../shared/contract';
import type { ImportDuplicate, ImportIssue } from '../../../shared/contract/channels/imports';
import { patientDraft } from '../../../shared/contract/channels/patients';
import { fieldErrorsOf } from '../../../shared/contract/validation';
import type { OpenDatabase } from '../../core/state';
import { auditBy } from '../audit/audit.service';
import { findDuplicates, LIKELY_SCORE } from '../patients/duplicates';
import { nameTokens, phoneKey, phoneticKey } from '../patients/names';
import { facilityPhoneRegion } from '../facility/phone-region';
import { insertPatient, resolveDraft, type PatientValues } from '../patients/patients.service';
import type { Actor } from '../../records';
import { CsvError, csvCell, parseCsv } from './csv';
import { COLUMNS, EXAMPLE_ROW, columnOfPath, headerIndex, rowToDraft } from './patient-columns';

/** Errors of a row in the order of the template's columns (whole-row errors first). */
const columnOrder = (column: string) => (column === '' ? -1 : COLUMNS.findIndex((c) => c.name === column));

/** More rows than any facility register: split the file. */
export const MAX_ROWS = 20_000;
const MAX_LISTED_ERRORS = 500;
const PREVIEW_ROWS = 200;

export interface CheckedRow {
  row: number;
  values: PatientValues | null;
  /** The row's cells as read (shown in the preview when the row has errors). */
  raw: Record<string, unknown>;
}

export interface ImportCheck {
  fileHash: string;
  rows: CheckedRow[];
  errors: ImportIssue[];
  duplicates: ImportDuplicate[];
}

export function fileHash(csv: string): string {
  return createHash('sha256').update(csv, 'utf8').digest('hex');
}

export function template(): { filename: string; csv: string; columns: string[] } {
  const header = COLUMNS.map((c) => c.name);
  const example = header.map((name) => csvCell(EXAMPLE_ROW[name] ?? ''));
  return {
    filename: 'caredesk-patients-template.csv',
    csv: `${header.join(',')}\r\n${example.join(',')}\r\n`,
    columns: header,
  };
}

/** A key two rows of one file share when they look like the same person. */
function inFileKeys(v: PatientValues): string[] {
  const sounds = nameTokens(`${v.givenName} ${v.familyName} ${v.otherNames}`)
    .map(phoneticKey)
    .sort()
    .join(' ');
  const keys = [`${sounds}|${v.birthDate}`];
  const phone = phoneKey(v.phone);
  if (phone.length >= 6) keys.push(`${sounds}|${phone}`);
  return keys;
}

/** Validates every row and looks for duplicates; saves nothing. */
export function checkImport(open: OpenDatabase, csv: string, now: Date): ImportCheck {
  const today = localDate(now);
  const region = facilityPhoneRegion(open.sqlite);
  const errors: ImportIssue[] = [];
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvError)
      return {
        fileHash: fileHash(csv),
        rows: [],
        errors: [{ row: error.row, column: '', message: error.message }],
        duplicates: [],
      };
    throw error;
  }
  const [header, ...data] = records;
  if (!header)
    return {
      fileHash: fileHash(csv),
      rows: [],
      errors: [{ row: 1, column: '', message: 'the file is empty' }],
      duplicates: [],
    };
  const index = headerIndex(header.cells);
  for (const problem of index.problems)
    errors.push({ row: 1, column: problem.column, message: problem.message });
  if (data.length === 0)
    errors.push({ row: 2, column: '', message: 'the file has a header but no patients' });
  if (data.length > MAX_ROWS) {
    errors.push({
      row: MAX_ROWS + 2,
      column: '',
      message: `the file has ${data.length} rows; import at most ${MAX_ROWS} at a time`,
    });
  }
  if (index.problems.some((p) => p.fatal) || data.length > MAX_ROWS) {
    return { fileHash: fileHash(csv), rows: [], errors, duplicates: [] };
  }

  const rows: CheckedRow[] = [];
  const duplicates: ImportDuplicate[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const { draft, problems, example } = rowToDraft(record.cells, index.columns);
    const rowErrors: ImportIssue[] = problems.map((p) => ({ row: record.row, ...p }));
    rowErrors.push(...unreadableCells(record, header.cells));
    let values: PatientValues | null = null;
    if (example)
      rowErrors.push({ row: record.row, column: '', message: "is the template's example row: delete it" });
    const parsed = patientDraft.safeParse(draft);
    if (!parsed.success) {
      // A cell that could not be read is reported once, not again as a missing field.
      const read = new Set(problems.map((p) => p.column));
      for (const f of fieldErrorsOf(parsed.error)) {
        const column = columnOfPath(f.path);
        if (!read.has(column)) rowErrors.push({ row: record.row, column, message: f.message });
      }
    } else if (rowErrors.length === 0) {
      try {
        values = resolveDraft(parsed.data, today, region);
      } catch (error) {
        if (!(error instanceof AppError) || !error.fields) throw error;
        for (const f of error.fields as FieldError[])
          rowErrors.push({ row: record.row, column: columnOfPath(f.path), message: f.message });
      }
    }
    errors.push(...rowErrors.sort((a, b) => columnOrder(a.column) - columnOrder(b.column)));
    rows.push({ row: record.row, values: rowErrors.length === 0 ? values : null, raw: draft });
    if (!values || rowErrors.length > 0) continue;

    let sameAsRow: number | null = null;
    for (const key of inFileKeys(values)) {
      const first = seen.get(key);
      if (first !== undefined && sameAsRow === null) sameAsRow = first;
      if (first === undefined) seen.set(key, record.row);
    }
    const candidates = findDuplicates(open.sqlite, values, today).filter((c) => c.score >= LIKELY_SCORE);
    if (sameAsRow !== null || candidates.length > 0)
      duplicates.push({ row: record.row, sameAsRow, candidates });
  }
  return { fileHash: fileHash(csv), rows, errors, duplicates };
}

export function previewImport(open: OpenDatabase, csv: string, now: Date) {
  const check = checkImport(open, csv, now);
  return {
    fileHash: check.fileHash,
    rowCount: check.rows.length,
    validCount: check.rows.filter((r) => r.values !== null).length,
    errors: check.errors.slice(0, MAX_LISTED_ERRORS),
    moreErrors: Math.max(0, check.errors.length - MAX_LISTED_ERRORS),
    duplicates: check.duplicates,
    rows: check.rows.slice(0, PREVIEW_ROWS).map((r) => {
      const cell = (key: string) => (typeof r.raw[key] === 'string' ? (r.raw[key] as string) : '');
      return {
        row: r.row,
        givenName: r.values?.givenName ?? cell('givenName'),
        familyName: r.values?.familyName ?? cell('familyName'),
        sex: r.values?.sex ?? cell('sex'),
        birthDate: r.values?.birthDate ?? cell('birthDate'),
        birthDateEstimated: r.values?.birthDateEstimated ?? false,
        village: r.values?.village ?? cell('village'),
        phone: r.values?.phone ?? cell('phone'),
        caregiverName: r.values?.caregiverName ?? cell('caregiverName'),
        ok: r.values !== null,
      };
    }),
  };
}

export function commitImport(
  open: OpenDatabase,
  actor: Actor,
  input: { csv: string; fileHash: string; duplicates?: 'import' | 'skip' | undefined },
  now: Date,
): { imported: number; skipped: number; firstNumber: string | null; lastNumber: string | null } {
  if (fileHash(input.csv) !== input.fileHash) {
    throw new AppError('CONFLICT', PATIENT_MESSAGES.importNotPreviewed, [
      { path: 'fileHash', message: 'does not match the file' },
    ]);
  }
  return open.sqlite.transaction(() => {
    const check = checkImport(open, input.csv, now);
    if (check.errors.length > 0) {
      throw new AppError('VALIDATION', PATIENT_MESSAGES.importHasErrors, [
        {
          path: 'csv',
          message: `has ${check.errors.length} error(s); the first is on row ${check.errors[0]!.row}`,
        },
      ]);
    }
    if (check.duplicates.length > 0 && !input.duplicates) {
      throw new AppError('CONFLICT', PATIENT_MESSAGES.importDuplicatesUndecided, [
        { path: 'duplicates', message: 'must say whether to import or skip the suspected duplicates' },
      ]);
    }
    const skip = new Set(input.duplicates === 'skip' ? check.duplicates.map((d) => d.row) : []);
    const at = now.toISOString();
    const numbers: string[] = [];
    for (const row of check.rows) {
      if (skip.has(row.row) || !row.values) continue;
      numbers.push(insertPatient(open, actor, row.values, now).registrationNumber);
    }
    auditBy(
      open.sqlite,
      actor,
      { action: 'patient.import', detail: `imported=${numbers.length} skipped=${skip.size}` },
      at,
    );
    return {
      imported: numbers.length,
      skipped: skip.size,
      firstNumber: numbers[0] ?? null,
      lastNumber: numbers.at(-1) ?? null,
    };
  })();
}

const UNREADABLE =
  'has characters that could not be read (the file is not UTF-8, e.g. saved as Windows-1252 / ANSI): save it as "CSV UTF-8" and try again';

/** A file in another encoding reaches us with U+FFFD where accented letters were: named, never stored. */
function unreadableCells(record: { row: number; cells: string[] }, header: string[]): ImportIssue[] {
  const out: ImportIssue[] = [];
  record.cells.forEach((cell, i) => {
    if (cell.includes('\uFFFD'))
      out.push({ row: record.row, column: header[i]?.trim().toLowerCase() ?? '', message: UNREADABLE });
  });
  return out;
}
