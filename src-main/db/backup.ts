import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
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
  const target = join(backupsDir, `before-migration-v${fromVersion}-${fileStamp()}.db`);
  backupTo(sqlite, target);
  return target;
}

/**
 * A CareDesk backup is ONE file an IT person can copy to a USB drive:
 *   16-byte magic | 4-byte big-endian header length | header JSON | the encrypted database (VACUUM INTO).
 * The header holds the key vault as it was (slots only wrap keys: no secret in clear), so the file opens on
 * another PC with a staff password of that time or the recovery code, and a SHA-256 of the database bytes.
 */
export const BACKUP_MAGIC = Buffer.from('CAREDESK-BACKUP\n', 'latin1');
export const BACKUP_EXTENSION = '.cdbk';

export interface BackupHeader {
  format: 1;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  facility: { code: string; name: string };
  database: { bytes: number; sha256: string };
  /** The audit chain's head hash and row count when the backup was made (an outside anchor). */
  audit?: { headHash: string; rowCount: number };
  /** The vault.json of the moment (parsed and checked by the security layer on restore). */
  vault: unknown;
}

/** `problem` completes "the backup file …", e.g. "is damaged (its header is cut short)". */
export class BackupFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`The backup file ${file} ${problem}.`);
    this.name = 'BackupFileError';
  }
}

const CHUNK = 1 << 20;

function copyInto(fd: number, sourceFile: string, hash?: ReturnType<typeof createHash>): number {
  const src = openSync(sourceFile, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let total = 0;
  try {
    for (;;) {
      const n = readSync(src, buffer, 0, CHUNK, null);
      if (n === 0) break;
      hash?.update(buffer.subarray(0, n));
      writeSync(fd, buffer, 0, n);
      total += n;
    }
  } finally {
    closeSync(src);
  }
  return total;
}

function sha256OfFile(file: string): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let bytes = 0;
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Writes the backup file: VACUUM INTO a scratch file (on the data disk), then header + bytes into
 * `target.tmp`, fsync, rename. A power cut leaves either no backup or a whole one, never half.
 */
export function writeBackupFile(
  sqlite: Sqlite,
  target: string,
  scratchDir: string,
  header: Omit<BackupHeader, 'format' | 'database'>,
): { bytes: number } {
  mkdirSync(scratchDir, { recursive: true, mode: 0o700 });
  const scratch = join(scratchDir, `vacuum-${process.pid}-${Date.now()}.tmp`);
  const partial = `${target}.tmp`;
  rmSync(scratch, { force: true });
  try {
    backupTo(sqlite, scratch);
    const database = sha256OfFile(scratch);
    const json = Buffer.from(
      JSON.stringify({ format: 1, ...header, database } satisfies BackupHeader),
      'utf8',
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    const fd = openSync(partial, 'w', 0o600);
    try {
      writeSync(fd, BACKUP_MAGIC);
      writeSync(fd, length);
      writeSync(fd, json);
      copyInto(fd, scratch);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
    return { bytes: BACKUP_MAGIC.length + 4 + json.length + database.bytes };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    rmSync(scratch, { force: true });
  }
}

export interface OpenedBackup {
  header: BackupHeader;
  dataOffset: number;
  fileBytes: number;
}

/** Reads and checks the header; says in plain words what is wrong with a file that is not a backup. */
export function readBackupHeader(file: string): OpenedBackup {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new BackupFileError(file, 'cannot be read (missing, or no permission)');
  }
  try {
    const fileBytes = fstatSync(fd).size;
    const head = Buffer.alloc(BACKUP_MAGIC.length + 4);
    if (readSync(fd, head, 0, head.length, 0) < head.length || !head.subarray(0, 16).equals(BACKUP_MAGIC)) {
      throw new BackupFileError(file, 'is not a CareDesk backup file');
    }
    const length = head.readUInt32BE(16);
    if (length <= 0 || length > 16 * 1024 * 1024 || head.length + length > fileBytes) {
      throw new BackupFileError(file, 'is damaged (its header is cut short)');
    }
    const json = Buffer.alloc(length);
    readSync(fd, json, 0, length, head.length);
    let header: BackupHeader;
    try {
      header = JSON.parse(json.toString('utf8')) as BackupHeader;
    } catch {
      throw new BackupFileError(file, 'is damaged (its header is unreadable)');
    }
    if (header.format !== 1 || typeof header.database?.sha256 !== 'string') {
      throw new BackupFileError(file, 'was made by a newer CareDesk, or is damaged');
    }
    const dataOffset = head.length + length;
    if (fileBytes - dataOffset !== header.database.bytes) {
      throw new BackupFileError(
        file,
        `is incomplete (${fileBytes - dataOffset} of ${header.database.bytes} bytes)`,
      );
    }
    return { header, dataOffset, fileBytes };
  } finally {
    closeSync(fd);
  }
}

/** Copies the database bytes out to `target`, checking their SHA-256 against the header. */
export function extractBackupDatabase(file: string, opened: OpenedBackup, target: string): void {
  const src = openSync(file, 'r');
  const out = openSync(target, 'w', 0o600);
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    let position = opened.dataOffset;
    for (;;) {
      const n = readSync(src, buffer, 0, CHUNK, position);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      writeSync(out, buffer, 0, n);
      position += n;
    }
    fsyncSync(out);
  } finally {
    closeSync(src);
    closeSync(out);
  }
  if (hash.digest('hex') !== opened.header.database.sha256) {
    rmSync(target, { force: true });
    throw new BackupFileError(file, 'is damaged: its database does not match its checksum');
  }
}
