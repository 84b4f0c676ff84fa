import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Sqlite } from '../../db/open';
import { BACKUP_EXTENSION, readBackupHeader } from '../../db/backup';
import { GENESIS_HASH } from './audit.service';

/**
 * An outside anchor of the audit chain: the head row's hash and the row count at one moment. Anyone holding
 * the database key can rewrite the chain and recompute every hash (there is no local secret they lack), but
 * not the copies of this anchor kept elsewhere: in every backup header, on printed/frozen reports, and on the
 * server with each push. A later chain whose row `rowCount` no longer has `headHash` was rewritten.
 */
export interface AuditAnchor {
  headHash: string;
  rowCount: number;
}

/** The anchor of the chain as it stands (call inside the transaction that records what it anchors). */
export function auditAnchor(sqlite: Sqlite): AuditAnchor {
  const head = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return { headHash: head?.hash ?? GENESIS_HASH, rowCount: head?.seq ?? 0 };
}

export function isAuditAnchor(value: unknown): value is AuditAnchor {
  const a = value as Partial<AuditAnchor> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.headHash === 'string' &&
    typeof a.rowCount === 'number' &&
    Number.isInteger(a.rowCount) &&
    a.rowCount >= 0
  );
}

/** True when today's chain still holds the anchor's head at the anchor's row. */
export function anchorHolds(sqlite: Sqlite, anchor: AuditAnchor): boolean {
  if (anchor.rowCount === 0) return true;
  const row = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(anchor.rowCount) as
    { hash: string } | undefined;
  return row?.hash === anchor.headHash;
}

export interface FoundAnchor {
  /** Where it was found, in words for the user (a backup file's name). */
  source: string;
  at: string;
  anchor: AuditAnchor;
}

/** The anchors in every CareDesk backup of a folder, oldest first (files without one are skipped). */
export function anchorsInBackups(folder: string): FoundAnchor[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith(BACKUP_EXTENSION));
  } catch {
    return [];
  }
  const found: FoundAnchor[] = [];
  for (const name of names) {
    try {
      const { header } = readBackupHeader(join(folder, name));
      if (isAuditAnchor(header.audit))
        found.push({ source: `backup ${basename(name)}`, at: header.createdAt, anchor: header.audit });
    } catch {
      // Not a readable backup: not an anchor either.
    }
  }
  return found.sort((a, b) => a.at.localeCompare(b.at));
}

/** The first anchor (oldest first) that today's chain no longer matches, or null. */
export function firstBrokenAnchor(sqlite: Sqlite, anchors: FoundAnchor[]): FoundAnchor | null {
  return anchors.find((a) => !anchorHolds(sqlite, a.anchor)) ?? null;
}
