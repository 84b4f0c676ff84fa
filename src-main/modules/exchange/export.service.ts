import type { Sqlite } from '../../db/open';
import {
  CHAIN_START,
  EXPORT_FORMAT,
  TABLES,
  chainHash,
  encodeCell,
  exportedColumns,
  type ExportHeader,
  type ExportTrailer,
  type RowObject,
} from './format';
import type { Job } from './jobs';
import { writeAtomically } from './writer';

/** Rows read per query: keyset pages keep the connection free between pages (no open cursor while waiting). */
export const PAGE = 2000;

interface FacilityRow {
  uuid: string;
  code: string;
  name: string;
  district: string;
  country: string;
  protocol_profile: string;
}

export function facilityOf(sqlite: Sqlite): FacilityRow {
  return sqlite
    .prepare('SELECT uuid, code, name, district, country, protocol_profile FROM facility WHERE id = 1')
    .get() as FacilityRow;
}

/** Every row of `table`, page by page in rowid order, as objects of the given columns. */
export async function* pagesOf(
  sqlite: Sqlite,
  table: string,
  columns: readonly string[],
  job: Job,
  /** The increasing integer column pages follow (a view names its own). */
  by = 'rowid',
): AsyncGenerator<Record<string, unknown>[]> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const page = sqlite.prepare(
    `SELECT ${by} AS "__rowid", ${list} FROM "${table}" WHERE ${by} > ? ORDER BY ${by} LIMIT ${PAGE}`,
  );
  let after = -Infinity;
  for (;;) {
    const rows = page.all(after) as (Record<string, unknown> & { __rowid: number })[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.__rowid;
    for (const row of rows) delete (row as Partial<typeof row>).__rowid;
    yield rows;
    await job.checkpoint();
  }
}

export function countRows(sqlite: Sqlite, tables: readonly string[]): number {
  let total = 0;
  for (const t of tables)
    total += (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;
  return total;
}

export interface FullExportResult {
  file: string;
  bytes: number;
  rows: number;
  counts: Record<string, number>;
}

/** Writes the whole facility as `caredesk-export/1` JSON lines (README "Data exchange"), streamed. */
export async function exportFull(
  sqlite: Sqlite,
  file: string,
  job: Job,
  at: Date,
  appVersion: string,
): Promise<FullExportResult> {
  const f = facilityOf(sqlite);
  const tables = TABLES.map((spec) => ({ spec, columns: exportedColumns(sqlite, spec) }));
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    exportedAt: at.toISOString(),
    appVersion,
    facility: {
      uuid: f.uuid,
      code: f.code,
      name: f.name,
      district: f.district,
      country: f.country,
      protocolProfile: f.protocol_profile,
    },
    tables: tables.map((t) => ({ table: t.spec.table, columns: t.columns })),
  };
  const total = countRows(
    sqlite,
    tables.map((t) => t.spec.table),
  );
  return writeAtomically(file, async (w) => {
    await w.write(`${JSON.stringify(header)}\n`);
    let hash = CHAIN_START;
    let done = 0;
    const counts: Record<string, number> = {};
    for (const { spec, columns } of tables) {
      counts[spec.table] = 0;
      for await (const rows of pagesOf(sqlite, spec.table, columns, job)) {
        let chunk = '';
        for (const row of rows) {
          const r: RowObject = {};
          for (const c of columns) r[c] = encodeCell(row[c]);
          const json = JSON.stringify(r);
          hash = chainHash(hash, spec.table, json);
          chunk += `{"t":${JSON.stringify(spec.table)},"h":"${hash}","r":${json}}\n`;
        }
        await w.write(chunk);
        counts[spec.table] += rows.length;
        done += rows.length;
        job.progress(done, total);
      }
    }
    const trailer: ExportTrailer = { end: true, counts, rows: done, hash };
    await w.write(`${JSON.stringify(trailer)}\n`);
    return { file, bytes: w.bytes, rows: done, counts };
  });
}
