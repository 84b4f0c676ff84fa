import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreState } from '../../core/state';
import { BACKUP_EXTENSION, readBackupHeader } from '../../db/backup';
import { findPasswordSlot, parseVault } from '../../security/vault';
import { backupFolderOf } from '../backup/backup.service';

export interface OldBackups {
  count: number;
  /** The newest such backup's date: its records are what that old password can still read. */
  newestAt: string | null;
}

/**
 * For the admin screen: which backups in the backup folder still open with a (deactivated) account's old
 * password. Deactivation re-keys today's database, but a backup is a copy of its own time and keeps the
 * key vault of then; only deleting or locking away those files ends that.
 */
export function oldBackupsOpenableBy(state: CoreState, usernames: string[]): Map<string, OldBackups> {
  const found = new Map<string, OldBackups>(usernames.map((u) => [u, { count: 0, newestAt: null }]));
  if (usernames.length === 0) return found;
  const folder = backupFolderOf(state);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith(BACKUP_EXTENSION));
  } catch {
    return found;
  }
  for (const name of names) {
    let header;
    let vault;
    try {
      header = readBackupHeader(join(folder, name)).header;
      vault = parseVault(JSON.stringify(header.vault));
    } catch {
      continue;
    }
    for (const username of usernames) {
      if (!findPasswordSlot(vault, username)) continue;
      const entry = found.get(username)!;
      entry.count += 1;
      if (!entry.newestAt || header.createdAt > entry.newestAt) entry.newestAt = header.createdAt;
    }
  }
  return found;
}
