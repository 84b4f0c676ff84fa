import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/contract';
import { seconds } from '../../security/throttle';
import type { CoreState } from '../../core/state';
import {
  BackupFileError,
  extractBackupDatabase,
  fileStamp,
  readBackupHeader,
  type OpenedBackup,
} from '../../db/backup';
import { integrityCheck } from '../../db/integrity';
import { schemaVersionOf, SchemaTooNewError } from '../../db/migrate';
import { migrations } from '../../db/migrations/bundle.generated';
import { DatabaseUnreadableError, openDatabase } from '../../db/open';
import type { Session } from '../../security/session';
import { throttleTagForRecovery } from '../../security/throttle-tags';
import {
  databaseKeyOf,
  parseVault,
  unlockWithPassword,
  unlockWithRecoveryCode,
  userTag,
  VaultFormatError,
  writeVault,
  type VaultFile,
} from '../../security/vault';
import { appendAudit } from '../audit/audit.service';
import { countThenAudit } from '../auth/failures';
import {
  clearRestoreJournal,
  currentFiles,
  setAsideInto,
  undoRestore,
  writeRestoreJournal,
  type RestoreJournal,
} from './restore-journal';
import { findUserByUsername } from '../users/users.service';
import { systemStatus } from '../facility/system.service';
import { regenerateEpoch } from '../../sync/epoch';

export type BackupCredentials =
  { kind: 'password'; username: string; password: string } | { kind: 'recovery'; recoveryCode: string };

export interface RestoreReport {
  restoredFrom: string;
  backupCreatedAt: string;
  schemaVersion: number;
  replacedKeptIn: string | null;
  counts: Record<string, number>;
}

function badFile(message: string): AppError {
  return new AppError('VALIDATION', `Please correct: file: ${message}`, [{ path: 'file', message }]);
}

async function masterKeyFor(vault: VaultFile, credentials: BackupCredentials): Promise<Buffer | null> {
  if (credentials.kind === 'recovery') return unlockWithRecoveryCode(vault, credentials.recoveryCode);
  return (await unlockWithPassword(vault, credentials.username, credentials.password))?.masterKey ?? null;
}

/** Checks a backup completely in a scratch file: its bytes, its key, integrity, schema, its facility. */
function checkExtracted(file: string, key: Buffer): { schemaVersion: number } {
  let opened;
  try {
    opened = openDatabase({ file, key: Buffer.from(key) });
  } catch (error) {
    if (error instanceof DatabaseUnreadableError)
      throw badFile('is damaged: its database does not open with its own key');
    throw error;
  }
  const { sqlite } = opened;
  try {
    const verdict = integrityCheck(sqlite);
    if (verdict !== 'ok') throw badFile(`is damaged (integrity check: ${verdict})`);
    const version = schemaVersionOf(sqlite);
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (version > latest) throw new AppError('DATABASE', new SchemaTooNewError(version, latest).message);
    const hasFacility = sqlite
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'facility'")
      .get() as { n: number };
    if (hasFacility.n === 0) throw badFile('holds no CareDesk facility');
    return { schemaVersion: version };
  } finally {
    sqlite.close();
  }
}

/** The backup file and its vault, checked (shape, header, key settings) before any password is tried. */
export function checkBackupFile(file: string): { opened: OpenedBackup; vault: VaultFile } {
  let opened: OpenedBackup;
  try {
    opened = readBackupHeader(file);
  } catch (error) {
    if (error instanceof BackupFileError) throw badFile(error.problem);
    throw error;
  }
  try {
    return {
      opened,
      vault: parseVault(JSON.stringify(opened.header.vault), 'the key vault inside this backup'),
    };
  } catch (error) {
    if (error instanceof VaultFormatError) throw badFile(error.message);
    throw error;
  }
}

/**
 * Restore: the backup is read, its own vault opened with the given credentials, its database extracted and
 * checked (integrity, schema) BEFORE anything here changes; then the current database and vault are moved to
 * replaced/<time>/ (never deleted) and the backup takes their place. Every session ends.
 */
export async function restoreBackup(
  state: CoreState,
  file: string,
  credentials: BackupCredentials,
  actor: Session | null,
): Promise<RestoreReport> {
  const { opened, vault } = checkBackupFile(file);
  // Every attempt counts in the account's own throttle (the backup's vault salt is the facility's, so it is
  // the sign-in counter) or the recovery code's; failures are audited now, or at the next open.
  const tags = [
    credentials.kind === 'password' ? userTag(vault, credentials.username) : throttleTagForRecovery(),
  ];
  for (const tag of tags) {
    const gate = state.throttle.check(tag);
    if (!gate.allowed)
      throw new AppError(
        'RATE_LIMITED',
        `Too many failed attempts. Try again in ${seconds(gate.waitSeconds)}.`,
      );
  }
  const masterKey = await masterKeyFor(vault, credentials);
  const field = credentials.kind === 'password' ? 'credentials.password' : 'credentials.recoveryCode';
  if (!masterKey) {
    for (const tag of tags) {
      countThenAudit(state, tag, { action: 'backup.restore.failed' }, () => ({
        userId: actor?.userId ?? null,
        role: actor?.role ?? null,
        action: 'backup.restore.failed',
        detail: 'credentials do not open the backup',
      }));
    }
    const message =
      'does not open this backup (use a password that was valid when it was made, or the recovery code)';
    throw new AppError('VALIDATION', `Please correct: ${field}: ${message}`, [{ path: field, message }]);
  }
  for (const tag of tags) state.throttle.succeed(tag);
  const key = databaseKeyOf(vault, masterKey);
  state.ensureDataDir();
  const stamp = fileStamp(state.now());
  const scratch = join(state.paths.dataDir, `restore-${stamp}.tmp`);
  try {
    try {
      extractBackupDatabase(file, opened, scratch);
    } catch (error) {
      if (error instanceof BackupFileError) throw badFile(error.problem);
      throw error;
    }
    checkExtracted(scratch, key);

    // From here a crash is finished or undone at the next start (restore-journal.ts).
    const journal = { format: 1 as const, scratch, replacedFolder: join(state.paths.replaced, stamp), vault };
    const replacedKeptIn = setAside(state, journal, actor, file);
    try {
      renameSync(scratch, state.paths.database);
      writeVault(state.paths.vault, vault);
    } catch (error) {
      undoRestore(state.paths, journal);
      throw error;
    }
    clearRestoreJournal(state.paths);

    const { sqlite, db } = state.unlock(masterKey);
    // Versions written from now on must not be mistaken for the ones the server got before this backup.
    const epoch = regenerateEpoch(sqlite, state.now().toISOString());
    const who = credentials.kind === 'password' ? findUserByUsername(db, credentials.username) : undefined;
    appendAudit(
      sqlite,
      {
        userId: who?.id ?? actor?.userId ?? null,
        role: who?.role ?? actor?.role ?? null,
        action: 'backup.restore',
        entity: 'backup',
        detail: `from ${basename(file)} made ${opened.header.createdAt}; sync epoch ${epoch}; opened with ${credentials.kind === 'password' ? 'a staff password' : 'the recovery code'}`,
      },
      state.now().toISOString(),
    );
    const report: RestoreReport = {
      restoredFrom: file,
      backupCreatedAt: opened.header.createdAt,
      schemaVersion: schemaVersionOf(sqlite),
      replacedKeptIn,
      counts: systemStatus(sqlite).counts,
    };
    // Everyone signs in again, against the restored accounts and vault.
    closeEverything(state);
    return report;
  } finally {
    for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) rmSync(f, { force: true });
  }
}

function closeEverything(state: CoreState): void {
  const connections = state.sessions.connections();
  state.close();
  for (const connectionId of connections) state.emit(connectionId, 'session.changed', { reason: 'ended' });
}

/** Moves the current vault, then database (and WAL), to replaced/<stamp>/; returns that folder, or null. */
function setAside(
  state: CoreState,
  journal: RestoreJournal,
  actor: Session | null,
  file: string,
): string | null {
  const { paths } = state;
  const present = currentFiles(paths).filter((f) => existsSync(f));
  const open = state.database;
  if (open) {
    appendAudit(
      open.sqlite,
      {
        userId: actor?.userId ?? null,
        role: actor?.role ?? null,
        action: 'backup.restore.replace',
        entity: 'backup',
        detail: `replaced by ${basename(file)}`,
      },
      state.now().toISOString(),
    );
  }
  closeEverything(state);
  writeRestoreJournal(paths, journal);
  if (present.length === 0) return null;
  setAsideInto(paths, journal.replacedFolder);
  return journal.replacedFolder;
}

/**
 * Without a session, a restore is allowed only where there is nothing working to overwrite: a new PC, a
 * missing or unreadable vault, or a database already found damaged (by a sign-in). An old backup and an old
 * password must never roll back a working database; that needs an administrator signed in. No password is
 * tried and the current database is never opened here, so this path is no password oracle.
 */
export function assertNothingWorkingHere(state: CoreState): void {
  if (!state.isInitialized() || state.damage) return;
  try {
    state.readVault();
  } catch {
    return;
  }
  throw new AppError(
    'CONFLICT',
    'This computer already has a working CareDesk database. Sign in as an administrator to restore over it.',
  );
}
