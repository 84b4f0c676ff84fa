// What every corrected record shares: who may correct it, optimistic versions, the version history and the
// outbox/audit rows written in the same transaction as the change.
import { actorHas, AppError, type Role } from '../../shared/contract';
import { PATIENT_MESSAGES } from '../../shared/contract/channels/patient-messages';
import type { HistoryEntry } from '../../shared/contract/channels/record-fields';
import type { Db, Sqlite } from '../db/open';
import { auditBy } from '../modules/audit/audit.service';
import { stmt } from './sql';

export interface Actor {
  userId: string;
  /** The main role; `roles` (when known) every role of the account. Rights: actorHas(actor, permission). */
  role: Role;
  roles?: readonly Role[] | undefined;
}

/** Clinicians and clerks correct their own entries for this long; managers (records.correct) any time. */
export const OWN_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface Authored {
  createdBy: string | null;
  createdAt: string;
}

/** Throws FORBIDDEN unless the actor may correct this record now. */
export function assertCanCorrect(record: Authored, actor: Actor, now: Date): void {
  if (actorHas(actor, 'records.correct')) return;
  if (record.createdBy !== actor.userId) {
    throw new AppError('FORBIDDEN', PATIENT_MESSAGES.correctOwnOnly);
  }
  if (now.getTime() - Date.parse(record.createdAt) > OWN_EDIT_WINDOW_MS) {
    throw new AppError('FORBIDDEN', PATIENT_MESSAGES.correctWindowPassed);
  }
}

/** Refuses to overwrite a change the user has not seen. */
export function assertVersion(current: number, expected: number): void {
  if (current !== expected) {
    throw new AppError('CONFLICT', PATIENT_MESSAGES.staleVersion, [
      {
        path: 'expectedVersion',
        message: `is ${expected}, but the saved record is at version ${current}`,
      },
    ]);
  }
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The fields whose values differ (compared as JSON, so arrays and objects compare by content). */
export function diffFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes.push({ field, from: before[field], to: after[field] });
    }
  }
  return changes;
}

export interface HistoryRow {
  entity: string;
  entityId: string;
  version: number;
  action: HistoryEntry['action'];
  changes: FieldChange[];
  reason?: string | null;
  at: string;
  by: string | null;
}

export function appendHistory(sqlite: Sqlite, row: HistoryRow): void {
  stmt(
    sqlite,
    `INSERT INTO record_history (entity, entity_id, version, action, changes, reason, at, by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.entity,
    row.entityId,
    row.version,
    row.action,
    JSON.stringify(row.changes),
    row.reason ?? null,
    row.at,
    row.by,
  );
}

/** The columns every versioned record has. */
export interface VersionedRow {
  id: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** How one kind of record is written: its entity name (history, audit), its row update and what follows it. */
export interface RecordStore<R extends VersionedRow> {
  entity: string;
  /** Stores a new row. */
  insert(db: Db, row: R): void;
  /** Overwrites the stored row with this id. */
  update(db: Db, row: R): void;
  /** After the insert, or the update and its history row: the outbox row (and, for patients, the search document). */
  afterWrite(sqlite: Sqlite, row: R, at: string): void;
  /** The patient an audit row of this record names, if any. */
  patientOf?(row: R): string;
}

/** The bookkeeping columns of a record's first version, written by the actor at `at`. */
export function firstVersion(actor: Actor, at: string) {
  return {
    createdAt: at,
    createdBy: actor.userId,
    updatedAt: at,
    updatedBy: actor.userId,
    version: 1,
    voided: false,
    voidReason: null,
  };
}

/** Writes a new record: the row, its outbox row, then its audit row `auditAction`. Call inside a transaction. */
export function writeFirstVersion<R extends VersionedRow>(
  open: { sqlite: Sqlite; db: Db },
  actor: Actor,
  at: string,
  store: RecordStore<R>,
  row: R,
  auditAction: string,
): R {
  store.insert(open.db, row);
  store.afterWrite(open.sqlite, row, at);
  auditBy(
    open.sqlite,
    actor,
    { action: auditAction, entity: store.entity, entityId: row.id, patientId: store.patientOf?.(row) },
    at,
  );
  return row;
}

export interface NextVersion<R extends VersionedRow> {
  before: R;
  /** The values that change (the version, updatedAt and updatedBy are set here). */
  set: Partial<R>;
  history: Pick<HistoryRow, 'action' | 'changes' | 'reason'>;
  /** The audit row, when this write is the audited action itself. */
  audit?: { action: string; detail?: string };
}

/**
 * Writes the next version of a record: the row (version + 1, updatedAt, updatedBy), its history row, its outbox
 * row, then its audit row. Call inside the transaction of the change; returns the row as stored.
 */
export function writeNextVersion<R extends VersionedRow>(
  open: { sqlite: Sqlite; db: Db },
  actor: Actor,
  at: string,
  store: RecordStore<R>,
  next: NextVersion<R>,
): R {
  const { before } = next;
  const after: R = {
    ...before,
    ...next.set,
    version: before.version + 1,
    updatedAt: at,
    updatedBy: actor.userId,
  };
  store.update(open.db, after);
  appendHistory(open.sqlite, {
    entity: store.entity,
    entityId: before.id,
    version: after.version,
    ...next.history,
    at,
    by: actor.userId,
  });
  store.afterWrite(open.sqlite, after, at);
  if (next.audit) {
    auditBy(
      open.sqlite,
      actor,
      {
        action: next.audit.action,
        entity: store.entity,
        entityId: before.id,
        patientId: store.patientOf?.(before),
        detail: next.audit.detail,
      },
      at,
    );
  }
  return after;
}

/** Voids a record with a reason: history action "void", audited as `auditAction`. */
export function writeVoided<R extends VersionedRow & { voided: boolean; voidReason: string | null }>(
  open: { sqlite: Sqlite; db: Db },
  actor: Actor,
  at: string,
  store: RecordStore<R>,
  input: { before: R; reason: string; auditAction: string },
): R {
  return writeNextVersion(open, actor, at, store, {
    before: input.before,
    set: { voided: true, voidReason: input.reason } as Partial<R>,
    history: { action: 'void', changes: [{ field: 'voided', from: false, to: true }], reason: input.reason },
    audit: { action: input.auditAction },
  });
}

/** The audit detail of a correction: which fields changed. */
export function changedFieldsDetail(changes: readonly FieldChange[]): string {
  return `fields=${changes.map((c) => c.field).join(',')}`;
}

export function historyOf(sqlite: Sqlite, entity: string, entityId: string): HistoryEntry[] {
  const rows = stmt(
    sqlite,
    `SELECT h.version, h.action, h.changes, h.reason, h.at, h.by, u.full_name AS by_name
     FROM record_history h LEFT JOIN users u ON u.id = h.by
     WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.seq`,
  ).all(entity, entityId) as {
    version: number;
    action: HistoryEntry['action'];
    changes: string;
    reason: string | null;
    at: string;
    by: string | null;
    by_name: string | null;
  }[];
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    changes: JSON.parse(r.changes) as FieldChange[],
    reason: r.reason,
    at: r.at,
    by: r.by,
    byName: r.by_name,
  }));
}
