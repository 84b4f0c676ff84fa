import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Sqlite = Database.Database;
/** What `drizzle()` returns: the query builder and, as `$client`, the connection it runs on. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite };

export interface OpenOptions {
  file: string;
  /** Raw 256-bit database key (from the vault). */
  key: Buffer;
  /** Path to a better_sqlite3.node built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** Create the file if missing (first-run setup only). */
  create?: boolean;
}

/** Wrong key or not a database at all: SQLite cannot tell these apart, so neither do we. */
export class DatabaseUnreadableError extends Error {
  constructor(readonly file: string) {
    super('The database could not be opened: the key is wrong or the file is damaged.');
    this.name = 'DatabaseUnreadableError';
  }
}

/** Applies the cipher and key; must run before anything else touches the file. */
export function applyKey(sqlite: Sqlite, key: Buffer): void {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  // SQLCipher v4 format, raw key (no KDF: the key is already random and 256-bit).
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

export function openDatabase(options: OpenOptions): { sqlite: Sqlite; db: Db } {
  const sqlite = new Database(options.file, {
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    applyKey(sqlite, options.key);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if (isSqliteCode(error, 'SQLITE_NOTADB') || isSqliteCode(error, 'SQLITE_CORRUPT')) {
        throw new DatabaseUnreadableError(options.file);
      }
      throw error;
    }
    sqlite.pragma('journal_mode = WAL');
    // better-sqlite3 defaults WAL to NORMAL, which can lose acknowledged writes on power loss.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Sorts, statement journals and transient indices would otherwise go to unencrypted files in the OS
    // temp folder (the build's TEMP_STORE=1), with patients' names in them.
    sqlite.pragma('temp_store = MEMORY');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

export function isSqliteCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
