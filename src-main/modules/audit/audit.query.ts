import type { AuditRowOut } from '../../../shared/contract/channels/audit';
import type { Sqlite } from '../../db/open';

export interface AuditQuery {
  userId?: string | undefined;
  username?: string | undefined;
  patientId?: string | undefined;
  action?: string | undefined;
  /** Local calendar dates, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** A local calendar day's bounds as UTC instants (the screen speaks local days, rows are stored in UTC). */
function dayStartUtc(day: string, offsetDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + offsetDays).toISOString();
}

function where(q: AuditQuery): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (q.userId) {
    parts.push('a.user_id = ?');
    params.push(q.userId);
  }
  if (q.username) {
    parts.push('u.username = ?');
    params.push(q.username);
  }
  if (q.patientId) {
    // Also the lists (search, duplicate check, referrals, import preview) that showed this patient.
    parts.push(
      "(a.patient_id = ? OR (a.entity = ? AND a.entity_id = ?) OR (a.detail LIKE '%shown=%' AND instr(a.detail, ?) > 0))",
    );
    params.push(q.patientId, 'patient', q.patientId, q.patientId);
  }
  if (q.action) {
    if (q.action.endsWith('.')) {
      parts.push('substr(a.action, 1, ?) = ?');
      params.push(q.action.length, q.action);
    } else {
      parts.push('a.action = ?');
      params.push(q.action);
    }
  }
  if (q.from) {
    parts.push('a.at >= ?');
    params.push(dayStartUtc(q.from));
  }
  if (q.to) {
    parts.push('a.at < ?');
    params.push(dayStartUtc(q.to, 1));
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

interface Raw {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  role: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  patient_id: string | null;
  detail: string | null;
}

const SELECT = `SELECT a.seq, a.at, a.user_id, u.username, a.role, a.action, a.entity, a.entity_id, a.patient_id, a.detail
  FROM audit_log a LEFT JOIN users u ON u.id = a.user_id`;

function out(r: Raw): AuditRowOut {
  return {
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    role: r.role,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    patientId: r.patient_id,
    detail: r.detail,
  };
}

/** Newest first, one page at a time (keyset on seq, so paging stays fast on a long trail). */
export function listAudit(sqlite: Sqlite, q: AuditQuery & { beforeSeq?: number | undefined; limit: number }) {
  const w = where(q);
  const before = q.beforeSeq ? `${w.sql ? `${w.sql} AND` : 'WHERE'} a.seq < ?` : w.sql;
  const params = q.beforeSeq ? [...w.params, q.beforeSeq] : w.params;
  const rows = (
    sqlite.prepare(`${SELECT} ${before} ORDER BY a.seq DESC LIMIT ?`).all(...params, q.limit + 1) as Raw[]
  ).map(out);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const actions = (
    sqlite.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]
  ).map((r) => r.action);
  return { rows: page, nextBeforeSeq: more ? page[page.length - 1]!.seq : null, actions };
}

/** RFC 4180 field; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'seq',
  'at_utc',
  'user',
  'role',
  'action',
  'entity',
  'entity_id',
  'patient_id',
  'detail',
];

/** The whole filtered trail, oldest first, as CSV. */
export function exportAuditCsv(sqlite: Sqlite, q: AuditQuery): { csv: string; rows: number } {
  const w = where(q);
  const lines = [CSV_COLUMNS.join(',')];
  let rows = 0;
  for (const r of sqlite
    .prepare(`${SELECT} ${w.sql} ORDER BY a.seq`)
    .iterate(...w.params) as IterableIterator<Raw>) {
    rows++;
    lines.push(
      [r.seq, r.at, r.username ?? r.user_id, r.role, r.action, r.entity, r.entity_id, r.patient_id, r.detail]
        .map(csvField)
        .join(','),
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows };
}
