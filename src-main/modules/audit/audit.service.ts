import { createHash } from 'node:crypto';
import { auditRole, type HasRoles } from '../../../shared/contract/roles';
import type { Sqlite } from '../../db/open';
import { stmt } from '../../records/sql';

export interface AuditEntry {
  userId?: string | null;
  role?: string | null;
  /** e.g. "login", "login.failed", "patient.read", "user.create". */
  action: string;
  entity?: string | null;
  entityId?: string | null;
  /** The patient concerned, when there is one (the audit screen filters on it). */
  patientId?: string | null;
  /** Short, no secrets, no patient text beyond ids. */
  detail?: string | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  role: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  patient_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Hash over every field and the previous hash: editing, deleting or reordering a row breaks the chain. */
export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        row.seq,
        row.at,
        row.user_id,
        row.role,
        row.action,
        row.entity,
        row.entity_id,
        row.patient_id,
        row.detail,
        row.prev_hash,
      ]),
    )
    .digest('hex');
}

const LAST_SQL = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';
const INSERT_SQL = `INSERT INTO audit_log (seq, at, user_id, role, action, entity, entity_id, patient_id, detail,
  prev_hash, hash) VALUES (@seq, @at, @user_id, @role, @action, @entity, @entity_id, @patient_id, @detail,
  @prev_hash, @hash)`;

/** Appends one row (statements compiled once per connection); call inside the transaction it records. */
export function appendAudit(sqlite: Sqlite, entry: AuditEntry, at: string = new Date().toISOString()): void {
  const last = stmt(sqlite, LAST_SQL).get() as { seq: number; hash: string } | undefined;
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at,
    user_id: entry.userId ?? null,
    role: entry.role ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entity_id: entry.entityId ?? null,
    patient_id: entry.patientId ?? null,
    detail: entry.detail ? entry.detail.slice(0, 500) : null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  stmt(sqlite, INSERT_SQL).run({ ...row, hash: auditHash(row) });
}

/** Who did it: the signed-in caller (a session, a kernel actor). */
export interface AuditActor extends HasRoles {
  userId: string;
}

/**
 * The one way a service records what a signed-in person did: the user and every role of theirs (as the audit
 * screen names them) come from the actor, the rest from `entry`. Call inside the action's own transaction.
 */
export function auditBy(
  sqlite: Sqlite,
  actor: AuditActor,
  entry: Omit<AuditEntry, 'userId' | 'role'>,
  at: string = new Date().toISOString(),
): void {
  appendAudit(sqlite, { ...entry, userId: actor.userId, role: auditRole(actor) }, at);
}

export type AuditVerdict =
  { ok: true; rows: number } | { ok: false; rows: number; brokenAtSeq: number; reason: string };

const TRIGGERS = ['audit_log_no_update', 'audit_log_no_delete'];

/**
 * Walks the chain in order and reports the first row whose link or content does not hold. Also catches a
 * trimmed tail (SQLite's AUTOINCREMENT counter remembers the highest row ever written) and missing
 * append-only triggers.
 */
export function verifyAuditChain(sqlite: Sqlite): AuditVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (const row of sqlite
    .prepare('SELECT * FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (row.seq !== expectedSeq) {
      return { ok: false, rows, brokenAtSeq: expectedSeq, reason: `row ${expectedSeq} is missing` };
    }
    if (row.prev_hash !== prevHash) {
      return { ok: false, rows, brokenAtSeq: row.seq, reason: 'link to the previous row does not match' };
    }
    const { hash, ...rest } = row;
    if (auditHash(rest) !== hash) {
      return { ok: false, rows, brokenAtSeq: row.seq, reason: 'row content was changed' };
    }
    prevHash = hash;
    expectedSeq++;
  }
  const highest = sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as
    { seq: number } | undefined;
  if (highest && highest.seq >= expectedSeq) {
    return {
      ok: false,
      rows,
      brokenAtSeq: expectedSeq,
      reason: `rows ${expectedSeq}–${highest.seq} were removed`,
    };
  }
  const present = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (${TRIGGERS.map(() => '?').join(',')})`,
    )
    .all(...TRIGGERS) as { name: string }[];
  if (present.length !== TRIGGERS.length) {
    return {
      ok: false,
      rows,
      brokenAtSeq: expectedSeq,
      reason: 'the append-only protection (triggers) was removed',
    };
  }
  return { ok: true, rows };
}

export { auditAnchor, type AuditAnchor } from './audit.anchor';
