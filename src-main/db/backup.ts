import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Sqlite } from './open';

/** A timestamp safe in file names on every OS. */
export function fileStamp(date: Date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Encrypted copy of the open database. `VACUUM INTO` writes the target with the same cipher and key,
 * so a backup is never readable as plain SQLite (checked in tests).
 */
export function backupTo(sqlite: Sqlite, target: string): void {
  sqlite.prepare('VACUUM INTO ?').run(target);
}

export function backupBeforeMigration(sqlite: Sqlite, backupsDir: string, fromVersion: number): string {
  mkdirSync(backupsDir, { recursive: true, mode: 0o700 });
  const target = join(backupsDir, `before-migration-v${fromVersion}-${fileStamp()}.cdbk`);
  backupTo(sqlite, target);
  return target;
}
