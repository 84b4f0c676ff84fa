// CSV for spreadsheet programs: UTF-8 with a byte-order mark, CRLF rows (RFC 4180), and text cells that a
// spreadsheet would run as a formula made inert.
import type { ReportTable } from './table';

export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell starting with = + - @, tab or CR gets a leading apostrophe, so it is shown, never run. */
// OWASP "CSV Injection": prefix such cells with a single quote
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = escapeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const BOM = '\uFEFF';

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** One report table as CSV rows: a heading row, then one row per report row; `label` translates keys. */
export function tableRows(table: ReportTable, label: (key: string) => string): CsvValue[][] {
  const rows: CsvValue[][] = [[label(table.title), ...table.columns.map((c) => label(c.label))]];
  for (const r of table.rows) {
    rows.push([
      r.literal ? r.label : label(r.label),
      ...table.columns.map((c) => r.cells[c.key]?.value ?? null),
    ]);
  }
  return rows;
}

/** Several tables in one file, separated by an empty row. */
export function tablesCsv(tables: readonly ReportTable[], label: (key: string) => string): string {
  const rows: CsvValue[][] = [];
  tables.forEach((t, i) => {
    if (i > 0) rows.push([]);
    rows.push(...tableRows(t, label));
  });
  return toCsv(rows);
}
