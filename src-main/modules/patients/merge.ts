// Merging a duplicate into the surviving record (issue 5 §2): everything that points at the duplicate moves to the
// survivor, the duplicate is marked merged (kept, never deleted), and blanks of the survivor are filled from it.
import { PATIENT_MESSAGES } from '../../../shared/contract/channels/patient-messages';
import { AppError } from '../../../shared/contract';
import type { PatientRecord } from '../../../shared/contract/channels/patients';
import type { OpenDatabase } from '../../core/state';
import type { Sqlite } from '../../db/open';
import { enqueueStored } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { patientStore, requirePatient, toRecord, type PatientRow } from './patients.repo';
import {
  appendHistory,
  assertVersion,
  registeredDomains,
  writeNextVersion,
  type Actor,
  type FieldChange,
} from '../../records';

/** Survivor fields filled from the duplicate when the survivor has them blank. */
const FILLABLE = [
  'otherNames',
  'phone',
  'village',
  'district',
  'nationalId',
  'caregiverName',
  'caregiverRelationship',
  'caregiverPhone',
] as const;

/** Entity name of a linked table's rows: its singular ("visits" → "visit", "pregnancies" → "pregnancy"). */
const entityOf = (table: string) => table.replace(/ies$/, 'y').replace(/s$/, '');

interface Link {
  table: string;
  column: string;
}

/**
 * Every (table, column) that points at a patient: foreign keys to patients(id), found in the schema itself, so
 * enrolments, pregnancies and whatever later issues add move too without this file knowing them.
 */
export function patientLinks(sqlite: Sqlite): Link[] {
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .all() as { name: string }[];
  const links: Link[] = [];
  for (const { name } of tables) {
    if (name === 'patients') continue;
    const fks = sqlite.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)`).all(name) as {
      table: string;
      from: string;
      to: string | null;
    }[];
    for (const fk of fks) {
      if (fk.table === 'patients' && (fk.to === 'id' || fk.to === null))
        links.push({ table: name, column: fk.from });
    }
  }
  return links;
}

function columnsOf(sqlite: Sqlite, table: string): Set<string> {
  return new Set(
    (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map(
      (c) => c.name,
    ),
  );
}

/** Moves one table's rows; each moved record gets a new version, a history row and an outbox row. */
function moveRows(
  sqlite: Sqlite,
  link: Link,
  fromId: string,
  toId: string,
  actor: Actor,
  at: string,
  reason: string,
): number {
  const cols = columnsOf(sqlite, link.table);
  const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
  const table = q(link.table);
  const column = q(link.column);
  const hasId = cols.has('id');
  const ids = hasId
    ? (sqlite.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`).all(fromId) as { id: string }[]).map(
        (r) => r.id,
      )
    : [];
  const sets = [`${column} = @to`];
  if (cols.has('version')) sets.push('version = version + 1');
  if (cols.has('updated_at')) sets.push('updated_at = @at');
  if (cols.has('updated_by')) sets.push('updated_by = @by');
  const moved = sqlite
    .prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${column} = @from`)
    .run({ to: toId, from: fromId, at, by: actor.userId }).changes;
  const readVersion = cols.has('version')
    ? sqlite.prepare(`SELECT version FROM ${table} WHERE id = ?`)
    : null;
  for (const id of ids) {
    const version = readVersion ? (readVersion.get(id) as { version: number }).version : 1;
    appendHistory(sqlite, {
      entity: entityOf(link.table),
      entityId: id,
      version,
      action: 'moved',
      changes: [{ field: link.column, from: fromId, to: toId }],
      reason,
      at,
      by: actor.userId,
    });
    enqueueStored(sqlite, entityOf(link.table), link.table, id, at);
  }
  return moved;
}

export function mergePatients(
  open: OpenDatabase,
  actor: Actor,
  input: {
    survivorId: string;
    mergedId: string;
    survivorVersion: number;
    mergedVersion: number;
    reason: string;
  },
  now: Date,
): { survivor: PatientRecord; moved: Record<string, number> } {
  const { sqlite, db } = open;
  const at = now.toISOString();
  return sqlite.transaction(() => {
    const survivor = requirePatient(db, input.survivorId, 'survivorId');
    const merged = requirePatient(db, input.mergedId, 'mergedId');
    for (const [row, field] of [
      [survivor, 'survivorId'],
      [merged, 'mergedId'],
    ] as const) {
      if (row.mergedInto) {
        throw new AppError('CONFLICT', PATIENT_MESSAGES.mergeAlreadyMerged, [
          { path: field, message: 'was already merged' },
        ]);
      }
      if (row.voided) {
        throw new AppError('CONFLICT', PATIENT_MESSAGES.mergeVoided, [{ path: field, message: 'is voided' }]);
      }
    }
    assertVersion(survivor.version, input.survivorVersion);
    assertVersion(merged.version, input.mergedVersion);

    const participants = registeredDomains().flatMap((d) => (d.merge ? [d.merge] : []));
    for (const p of participants) p.check?.(open, merged.id, survivor.id);
    const moved: Record<string, number> = {};
    for (const p of participants) {
      const counts = p.move(open, actor, {
        fromId: merged.id,
        intoId: survivor.id,
        reason: input.reason,
        at,
      });
      for (const [entity, n] of Object.entries(counts)) if (n > 0) moved[entity] = (moved[entity] ?? 0) + n;
    }
    const ownTables = new Set(participants.flatMap((p) => p.tables));
    for (const link of patientLinks(sqlite)) {
      if (ownTables.has(link.table)) continue;
      const n = moveRows(sqlite, link, merged.id, survivor.id, actor, at, input.reason);
      if (n > 0) moved[link.table] = (moved[link.table] ?? 0) + n;
    }

    // The survivor keeps its own values; its blanks take the duplicate's, and allergies are the union of both.
    const fills: Partial<PatientRow> = {};
    const changes: FieldChange[] = [];
    for (const field of FILLABLE) {
      if (!survivor[field] && merged[field]) {
        fills[field] = merged[field];
        changes.push({ field, from: survivor[field], to: merged[field] });
      }
    }
    if (merged.allergies && !survivor.allergies.includes(merged.allergies)) {
      const allergies = survivor.allergies ? `${survivor.allergies}\n${merged.allergies}` : merged.allergies;
      fills.allergies = allergies;
      changes.push({ field: 'allergies', from: survivor.allergies, to: allergies });
    }
    changes.push({ field: 'mergedFrom', from: null, to: merged.id });
    writeNextVersion(open, actor, at, patientStore, {
      before: merged,
      set: { mergedInto: survivor.id },
      history: {
        action: 'merged-into',
        changes: [{ field: 'mergedInto', from: null, to: survivor.id }],
        reason: input.reason,
      },
    });
    const keptRow = writeNextVersion(open, actor, at, patientStore, {
      before: survivor,
      set: fills,
      history: { action: 'merge', changes, reason: input.reason },
    });

    const counts = Object.entries(moved)
      .map(([t, n]) => `${t}=${n}`)
      .join(' ');
    appendAudit(
      sqlite,
      {
        userId: actor.userId,
        role: actor.role,
        action: 'patient.merge',
        entity: 'patient',
        entityId: survivor.id,
        patientId: survivor.id,
        detail: `merged=${merged.id}${counts ? ` ${counts}` : ''}`,
      },
      at,
    );
    return { survivor: toRecord(keptRow), moved };
  })();
}
