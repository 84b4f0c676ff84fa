import { AppError } from '../../../shared/contract';
import type { Sqlite } from '../../db/open';
import type { Actor } from '../../records';
import { auditBy } from '../audit/audit.service';
import { rebuildSearchIndex } from '../patients/search-index';
import { facilityOf } from './export.service';
import { TABLE_BY_NAME, decodeCell, type RowObject, type TableSpec } from './format';
import { checkFile, label } from './import.check';
import type { Job } from './jobs';
import { linesOf } from './lines';

export interface ImportResult {
  facilityCode: string;
  facilityName: string;
  /** The data folder was empty: the facility took the file's name, code and identity. */
  rebuilt: boolean;
  added: number;
  updated: number;
  unchanged: number;
  counts: Record<string, number>;
}

type Outcome = 'added' | 'updated' | 'unchanged';

/** Prepared statements per table, made once per import. */
function writerFor(sqlite: Sqlite, spec: TableSpec, columns: readonly string[]): (row: RowObject) => Outcome {
  const t = spec.table;
  const cols = t === 'patients' ? [...columns, 'search_rowid'] : [...columns];
  const insertCols =
    t === 'users' ? cols.filter((c) => c !== 'active' && c !== 'must_change_password') : cols;
  const insert = sqlite.prepare(
    `INSERT INTO "${t}" (${[...insertCols, ...(t === 'users' ? ['active', 'must_change_password'] : [])]
      .map((c) => `"${c}"`)
      .join(
        ', ',
      )}) VALUES (${[...insertCols.map((c) => `@${c}`), ...(t === 'users' ? ['0', '1'] : [])].join(', ')})`,
  );
  const params = (row: RowObject): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const c of columns) out[c] = decodeCell(row[c] ?? null);
    return out;
  };
  if (t === 'record_history') {
    const exists = sqlite.prepare(
      'SELECT 1 FROM record_history WHERE entity = ? AND entity_id = ? AND version = ? AND action = ? AND at = ?',
    );
    return (row) => {
      if (exists.get(row.entity, row.entity_id, row.version, row.action, row.at)) return 'unchanged';
      insert.run(params(row));
      return 'added';
    };
  }
  if (t === 'registration_counters') {
    // A counter only ever moves up, so numbers given after the import never repeat one in the file.
    const existing = sqlite.prepare('SELECT last FROM registration_counters WHERE scope = ?');
    const raise = sqlite.prepare('UPDATE registration_counters SET last = @last WHERE scope = @scope');
    return (row) => {
      const found = existing.get(row.scope) as { last: number } | undefined;
      if (!found) return (insert.run(params(row)), 'added');
      if (Number(row.last) <= found.last) return 'unchanged';
      raise.run(params(row));
      return 'updated';
    };
  }
  const key = spec.key ?? ['id'];
  const where = key.map((k) => `"${k}" = @${k}`).join(' AND ');
  const current = sqlite.prepare(
    `SELECT ${spec.versioned ? 'version' : '1 AS version'} FROM "${t}" WHERE ${where}`,
  );
  const updatable = columns.filter((c) => !key.includes(c));
  const update = sqlite.prepare(
    `UPDATE "${t}" SET ${updatable.map((c) => `"${c}" = @${c}`).join(', ')} WHERE ${where}`,
  );
  const nextRowid =
    t === 'patients' ? sqlite.prepare('SELECT COALESCE(MAX(search_rowid), 0) + 1 AS n FROM patients') : null;
  const sameNumber =
    t === 'patients' ? sqlite.prepare('SELECT id FROM patients WHERE registration_number = ?') : null;
  const sameUsername = t === 'users' ? sqlite.prepare('SELECT id FROM users WHERE username = ?') : null;
  return (row) => {
    const p = params(row);
    const found = current.get(p) as { version: number } | undefined;
    if (!found) {
      if (sameNumber && sameNumber.get(row.registration_number)) {
        throw new AppError(
          'CONFLICT',
          `The file was not imported, nothing was changed: patient number ${String(row.registration_number)} is already another patient here.`,
        );
      }
      if (sameUsername && sameUsername.get(row.username))
        p.username = `${String(row.username)}.${String(row.id).slice(-4)}`;
      if (nextRowid) p.search_rowid = (nextRowid.get() as { n: number }).n;
      insert.run(p);
      return 'added';
    }
    // Same id: the highest version wins; accounts are never changed by an import (sign-in stays as it is here).
    if (!spec.versioned || t === 'users' || Number(row.version) <= found.version) return 'unchanged';
    update.run(p);
    return 'updated';
  };
}

/**
 * Imports a `caredesk-export/1` file: checked whole first (nothing is written if any line is wrong), then
 * written in ONE transaction with its audit row. Into an empty data folder it rebuilds the facility; into one
 * with patients it refuses another facility's file unless `otherFacility` is set. Re-importing the same file
 * changes nothing (same id → highest version wins).
 */
export async function importFull(
  sqlite: Sqlite,
  actor: Actor,
  file: string,
  options: { otherFacility: boolean },
  job: Job,
  at: Date,
): Promise<ImportResult> {
  const { header, trailer } = await checkFile(sqlite, file, job);
  const here = facilityOf(sqlite);
  const patientsHere = (sqlite.prepare('SELECT COUNT(*) AS n FROM patients').get() as { n: number }).n;
  const empty = patientsHere === 0;
  const sameFacility = header.facility.uuid === here.uuid || header.facility.code === here.code;
  if (!empty && !sameFacility && !options.otherFacility) {
    throw new AppError(
      'CONFLICT',
      `This file is from ${header.facility.name} (${header.facility.code}), not from ${here.name} (${here.code}). Nothing was imported; tick "import another facility's records" only if you mean to combine them.`,
    );
  }
  const writers = new Map(
    header.tables.map((t) => [t.table, writerFor(sqlite, TABLE_BY_NAME.get(t.table)!, t.columns)]),
  );
  const tally = { added: 0, updated: 0, unchanged: 0 };
  const apply = sqlite.transaction(() => {
    // Merge chains among patients may point forward in the file: check the links once, at the end.
    sqlite.pragma('defer_foreign_keys = ON');
    let done = 0;
    for (const [line, text] of linesOf(file)) {
      if (line === 1 || text === '') continue;
      const value = JSON.parse(text) as { t?: string; r?: RowObject; end?: boolean };
      if (value.end) break;
      tally[writers.get(value.t!)!(value.r!)]++;
      job.progress(++done, trailer.rows);
    }
    const broken = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[];
    const first = broken[0];
    if (first) {
      throw new AppError(
        'VALIDATION',
        `The file was not imported, nothing was changed: ${broken.length} ${label(first.table)} point to ${label(first.parent)} that are neither in the file nor here.`,
      );
    }
    if (empty) {
      const f = header.facility;
      sqlite
        .prepare(
          `UPDATE facility SET uuid = ?, code = ?, name = ?, district = ?, country = ?, protocol_profile = ?,
             updated_at = ? WHERE id = 1`,
        )
        .run(f.uuid, f.code, f.name, f.district, f.country, f.protocolProfile, at.toISOString());
    }
    rebuildSearchIndex(sqlite);
    auditBy(
      sqlite,
      actor,
      {
        action: 'exchange.import',
        entity: 'facility',
        entityId: header.facility.uuid,
        detail: `from=${header.facility.code} exported=${header.exportedAt} rows=${trailer.rows} added=${tally.added} updated=${tally.updated} unchanged=${tally.unchanged}`,
      },
      at.toISOString(),
    );
  });
  apply();
  const f = facilityOf(sqlite);
  return { facilityCode: f.code, facilityName: f.name, rebuilt: empty, ...tally, counts: trailer.counts };
}
