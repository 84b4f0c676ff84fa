// One shape for every report table: the screen, the PDF, CSV, drill-down and frozen snapshots all read it.
// Labels are catalog keys (translated where shown); each cell keeps the ids of the records it counts.

export interface ReportCell {
  /** A count, a rate or an average; null when it cannot be computed (e.g. no exits). */
  value: number | null;
  /** Ids of the records behind a count (drill-down); absent for rates and averages. */
  refs?: string[];
  /** For rates: whether the Sphere standard is met (null when Sphere sets none or there is no denominator). */
  meets?: boolean | null;
}

export interface ReportColumn {
  key: string;
  /** Catalog key of the heading. */
  label: string;
}

export interface ReportRow {
  key: string;
  /** Catalog key of the row label, or literal text (a diagnosis, a programme name) when `literal`. */
  label: string;
  literal?: boolean;
  /** Indentation level under a heading row (B/D sub-rows). */
  level?: number;
  /** For rates: the Sphere standard shown beside the value, e.g. { op: '>', percent: 75 }. */
  threshold?: { op: '>' | '<'; percent: number };
  cells: Record<string, ReportCell>;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** 'count' tables drill down; 'rate' tables show Sphere thresholds. */
  kind: 'count' | 'rate';
}

/** A cell address: table/row/column. Drill-down and snapshot differences name cells this way. */
export function cellKey(table: string, row: string, column: string): string {
  return `${table}/${row}/${column}`;
}

/** Every cell of the tables with its key, in table, row, column order. */
export function* cellsOf(tables: readonly ReportTable[]): Generator<[string, ReportCell]> {
  for (const t of tables) {
    for (const r of t.rows) {
      for (const c of t.columns) {
        const cell = r.cells[c.key];
        if (cell) yield [cellKey(t.id, r.key, c.key), cell];
      }
    }
  }
}

export function findCell(tables: readonly ReportTable[], key: string): ReportCell | null {
  for (const [k, cell] of cellsOf(tables)) if (k === key) return cell;
  return null;
}

/** A count cell from a list of ids (unique: one record counts once per cell). */
export function countCell(ids: Iterable<string>): ReportCell {
  const refs = [...new Set(ids)].sort();
  return { value: refs.length, refs };
}

/** The same tables without record ids (what leaves the core for people without drill-down). */
export function withoutRefs(tables: readonly ReportTable[]): ReportTable[] {
  return tables.map((t) => ({
    ...t,
    rows: t.rows.map((r) => ({
      ...r,
      cells: Object.fromEntries(Object.entries(r.cells).map(([k, { refs: _refs, ...rest }]) => [k, rest])),
    })),
  }));
}

/**
 * Count cells for every column from each record's column memberships: `columnsOf(record)` says which
 * columns (besides `total`) the record counts in.
 */
export function disaggregate<T extends { id: string }>(
  records: readonly T[],
  columns: readonly ReportColumn[],
  columnsOf: (record: T) => readonly string[],
): Record<string, ReportCell> {
  const ids: Record<string, string[]> = {};
  for (const c of columns) ids[c.key] = [];
  for (const r of records) {
    ids.total?.push(r.id);
    for (const key of columnsOf(r)) ids[key]?.push(r.id);
  }
  return Object.fromEntries(columns.map((c) => [c.key, countCell(ids[c.key] ?? [])]));
}
