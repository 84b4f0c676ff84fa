// What every corrected record shares: who may correct it, optimistic versions, the version history and the
// outbox/audit rows written in the same transaction as the change.
import { AppError, roleHas, type Role } from '../../../shared/contract';
import { PATIENT_MESSAGES } from '../../../shared/contract/channels/patient-messages';
import type { HistoryEntry } from '../../../shared/contract/channels/record-fields';
import type { Sqlite } from '../../db/open';
import { stmt } from './sql';

export interface Actor {
  userId: string;
  role: Role;
}

/** Clinicians and clerks correct their own entries for this long; managers (records.correct) any time. */
export const OWN_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface Authored {
  createdBy: string | null;
  createdAt: string;
}

/** Throws FORBIDDEN unless the actor may correct this record now (issue 5 §6). */
export function assertCanCorrect(record: Authored, actor: Actor, now: Date): void {
  if (roleHas(actor.role, 'records.correct')) return;
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
