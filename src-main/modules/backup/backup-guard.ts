import { AppError } from '../../../shared/contract';
import type { CoreState } from '../../core/state';
import type { Session } from '../../security/session';
import { requireRecentPassword } from '../auth/credentials';
import { readSettings } from '../settings/settings.service';

const NETWORK_FOLDER =
  'is a network folder. Choose a disk or USB drive on this computer: a network share can be unreachable when a backup is due, and anyone on the network may copy the file';

/** `\\server\share\…` or `//server/share/…`: a Windows network (UNC) path. */
export function isNetworkPath(path: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/]/.test(path.trim());
}

/** Backups never go to a network (UNC) folder; said in plain words, naming the field. */
export function assertLocalFolder(path: string | null | undefined, field: string): void {
  if (!path || !isNetworkPath(path)) return;
  throw new AppError('VALIDATION', `Please correct: ${field}: ${NETWORK_FOLDER}`, [
    { path: field, message: NETWORK_FOLDER },
  ]);
}

/** A backup to a path other than the configured folder is a way out for the data: password re-entered. */
export function guardBackupTarget(
  state: CoreState,
  session: Session,
  input: { folder?: string | undefined; file?: string | undefined },
): void {
  assertLocalFolder(input.folder, 'folder');
  assertLocalFolder(input.file, 'file');
  if (input.folder !== undefined || input.file !== undefined) requireRecentPassword(state, session);
}

/** Changing where or whether automatic backups go needs the password re-entered. */
export function guardBackupSettings(
  state: CoreState,
  session: Session,
  patch: {
    backupFolder?: string | null | undefined;
    autoBackup?: boolean | undefined;
    backupKeep?: number | undefined;
  },
): void {
  assertLocalFolder(patch.backupFolder, 'backupFolder');
  const db = state.database?.db;
  if (!db) return;
  const now = readSettings(db);
  const folder = patch.backupFolder === '' ? null : patch.backupFolder;
  const changes =
    (patch.backupFolder !== undefined && folder !== now.backupFolder) ||
    (patch.autoBackup !== undefined && patch.autoBackup !== now.autoBackup) ||
    (patch.backupKeep !== undefined && patch.backupKeep !== now.backupKeep);
  if (changes) requireRecentPassword(state, session);
}
