import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract';
import type { CoreState } from '../../core/state';
import { BACKUP_EXTENSION, fileStamp, readBackupHeader, writeBackupFile } from '../../db/backup';
import { schemaVersionOf } from '../../db/migrate';
import { facility } from '../../db/schema';
import { appendAudit, type AuditEntry } from '../audit/audit.service';
import { openDb } from '../auth/credentials';
import { auditAnchor } from '../audit/audit.anchor';
import { readSettings } from '../settings/settings.service';

export interface BackupInfo {
  file: string;
  bytes: number;
  createdAt: string;
  facilityCode: string;
  facilityName: string;
  schemaVersion: number;
  appVersion: string;
}

export type BackupKind = 'manual' | 'auto' | 'before-rekey';

/** The folder backups go to: the one asked for, else the facility's setting, else the data folder's backups/. */
export function backupFolderOf(state: CoreState, asked?: string): string {
  if (asked) return resolve(asked);
  const configured = readSettings(openDb(state).db).backupFolder;
  return configured ?? state.paths.backups;
}

function safeName(code: string): string {
  return code.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * One encrypted backup file now. The file is complete (fsync + rename) before the audit row says so;
 * a folder that is missing (USB drive not plugged in) is a plain-words error, not a silent skip.
 */
export function createBackup(
  state: CoreState,
  options: {
    folder?: string | undefined;
    file?: string | undefined;
    kind: BackupKind;
    by: Pick<AuditEntry, 'userId' | 'role'>;
  },
): BackupInfo {
  const { sqlite, db } = openDb(state);
  const folder = options.file ? dirname(resolve(options.file)) : backupFolderOf(state, options.folder);
  if (folder === state.paths.backups) mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new AppError(
      'VALIDATION',
      `Please correct: folder: ${folder} does not exist or cannot be reached (is the USB drive plugged in?)`,
      [{ path: 'folder', message: 'does not exist or cannot be reached (is the USB drive plugged in?)' }],
    );
  }
  const row = db.select().from(facility).where(eq(facility.id, 1)).get();
  const code = row?.code ?? 'facility';
  const now = state.now();
  const suffix = options.kind === 'manual' ? '' : `-${options.kind}`;
  const target = options.file
    ? resolve(options.file)
    : join(folder, `caredesk-${safeName(code)}-${fileStamp(now)}${suffix}${BACKUP_EXTENSION}`);
  if (options.file && existsSync(target)) {
    throw new AppError(
      'CONFLICT',
      `Please correct: file: ${target} already exists (a backup is never overwritten)`,
      [{ path: 'file', message: 'already exists (a backup is never overwritten)' }],
    );
  }
  const header = {
    createdAt: now.toISOString(),
    appVersion: state.appVersion,
    schemaVersion: schemaVersionOf(sqlite),
    facility: { code, name: row?.name ?? '' },
    audit: auditAnchor(sqlite),
    vault: state.readVault(),
  };
  const { bytes } = writeBackupFile(sqlite, target, join(state.paths.backups, '.scratch'), header);
  appendAudit(
    sqlite,
    {
      ...options.by,
      action: 'backup.create',
      entity: 'backup',
      detail: `${options.kind}: ${basename(target)} (${bytes} bytes)`,
    },
    now.toISOString(),
  );
  return {
    file: target,
    bytes,
    createdAt: header.createdAt,
    facilityCode: code,
    facilityName: header.facility.name,
    schemaVersion: header.schemaVersion,
    appVersion: state.appVersion,
  };
}

/** CareDesk backup files in a folder, newest first; unreadable files are skipped, not reported as backups. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(BACKUP_EXTENSION)) continue;
    const file = join(folder, name);
    try {
      const { header, fileBytes } = readBackupHeader(file);
      out.push({
        file,
        bytes: fileBytes,
        createdAt: header.createdAt,
        facilityCode: header.facility.code,
        facilityName: header.facility.name,
        schemaVersion: header.schemaVersion,
        appVersion: header.appVersion,
      });
    } catch {
      // Not ours, or damaged: restore would say why if someone picks it.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Keeps the newest `keep` automatic backups of this facility; manual backups are never removed. */
export function pruneAutomaticBackups(folder: string, facilityCode: string, keep: number): string[] {
  const prefix = `caredesk-${safeName(facilityCode)}-`;
  const autos = readdirSync(folder)
    .filter((n) => n.startsWith(prefix) && n.endsWith(`-auto${BACKUP_EXTENSION}`))
    .sort()
    .reverse();
  const removed = autos.slice(keep);
  for (const name of removed) rmSync(join(folder, name), { force: true });
  return removed;
}
