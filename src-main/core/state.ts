import { existsSync, mkdirSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { openDatabase, type Db, type Sqlite } from '../db/open';
import { migrate, schemaVersionOf } from '../db/migrate';
import { migrations } from '../db/migrations/bundle.generated';
import { backupBeforeMigration } from '../db/backup';
import { DatabaseDamagedError, assertHealthy } from '../db/integrity';
import { DatabaseUnreadableError } from '../db/open';
import { readVault, writeVault, type VaultFile } from '../security/vault';
import { LoginThrottle } from '../security/throttle';
import { databaseKeyForOpen } from '../security/unlock';
import { startSecurityRuntime } from '../modules/auth/runtime';
import { LOGIN_KDF, type Argon2Params } from '../security/kdf';
import { SessionStore } from '../security/session';
import { dataPaths, type DataPaths } from './paths';
import { stderrLogger, type Logger } from './log';
import type { EventName, EventPayload } from '../../shared/contract';

export interface CoreOptions {
  dataDir: string;
  appVersion?: string;
  /** better_sqlite3.node for this runtime; Electron passes its own ABI build. */
  nativeBinding?: string;
  /** Login KDF for new slots. Tests pass the floor parameters to stay fast; the app never does. */
  kdf?: Argon2Params;
  logger?: Logger;
  clock?: () => Date;
  /** The pusher's period while the database is open (default 60 s; 0 = no timer, pushes only on demand). */
  syncIntervalMs?: number;
  /** Delivers core events to a connection (window or browser tab). */
  emit?: <E extends EventName>(connectionId: string, event: E, payload: EventPayload<E>) => void;
}

export interface OpenDatabase {
  sqlite: Sqlite;
  db: Db;
  key: Buffer;
}

/** Everything the core holds between calls: paths, the open database (if unlocked) and sessions. */
export class CoreState {
  readonly paths: DataPaths;
  readonly appVersion: string;
  readonly kdf: Argon2Params;
  readonly logger: Logger;
  readonly sessions: SessionStore;
  readonly throttle: LoginThrottle;
  /** The vault master key while the database is open (wraps new key slots; see security/vault.ts). */
  masterKey: Buffer | null = null;
  /** Plain-words problem of a database found damaged at open (offers restore); null when none seen. */
  damage: string | null = null;
  private opened: OpenDatabase | null = null;
  private stopRuntime: (() => void) | null = null;

  constructor(readonly options: CoreOptions) {
    this.paths = dataPaths(options.dataDir);
    this.appVersion = options.appVersion ?? '0.0.0-dev';
    this.kdf = options.kdf ?? LOGIN_KDF;
    this.logger = options.logger ?? stderrLogger;
    this.sessions = new SessionStore(() => this.now());
    this.throttle = new LoginThrottle(this.paths.throttle, () => this.now());
  }

  now(): Date {
    return this.options.clock ? this.options.clock() : new Date();
  }

  emit<E extends EventName>(connectionId: string, event: E, payload: EventPayload<E>): void {
    this.options.emit?.(connectionId, event, payload);
  }

  /** Set up = both the vault and the database exist (setup writes the vault first). */
  isInitialized(): boolean {
    return existsSync(this.paths.vault) && existsSync(this.paths.database);
  }

  ensureDataDir(): void {
    mkdirSync(this.paths.dataDir, { recursive: true, mode: 0o700 });
  }

  readVault(): VaultFile {
    return readVault(this.paths.vault);
  }

  writeVault(vault: VaultFile): void {
    writeVault(this.paths.vault, vault);
  }

  get database(): OpenDatabase | null {
    return this.opened;
  }

  /**
   * Opens the database with the vault's master key (proved by a password or recovery slot). The key is
   * GCM-verified, so a file that then fails to open is damaged, never "a wrong key".
   */
  unlock(masterKey: Buffer, create = false): OpenDatabase {
    if (this.opened) {
      if (!this.masterKey || !timingSafeEqual(this.masterKey, masterKey))
        throw new Error('a different vault key');
      return this.opened;
    }
    const key = databaseKeyForOpen(this.paths.vault, this.paths.database, masterKey, create);
    try {
      this.openWithKey(key, create);
    } catch (error) {
      if (error instanceof DatabaseUnreadableError) {
        const damaged = new DatabaseDamagedError('the file is not a readable CareDesk database');
        this.damage = damaged.message;
        throw damaged;
      }
      if (error instanceof DatabaseDamagedError) this.damage = error.message;
      throw error;
    }
    this.damage = null;
    this.masterKey = Buffer.from(masterKey);
    this.stopRuntime = startSecurityRuntime(this);
    return this.opened!;
  }

  /** Opens (and migrates) the database with a key from the vault; a no-op when already open with it. */
  openWithKey(key: Buffer, create = false): OpenDatabase {
    if (this.opened) {
      if (!timingSafeEqual(this.opened.key, key)) throw new Error('a different key for the open database');
      return this.opened;
    }
    const started = performance.now();
    const { sqlite, db } = openDatabase({
      file: this.paths.database,
      key,
      create,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    });
    try {
      // Damage is found before a migration could write over it.
      if (!create) assertHealthy(sqlite);
      migrate(sqlite, migrations, {
        backupBeforeMigrating: (from) => backupBeforeMigration(sqlite, this.paths.backups, from),
      });
    } catch (error) {
      sqlite.close();
      throw error;
    }
    this.opened = { sqlite, db, key };
    this.logger.info('db.open', {
      ms: Math.round(performance.now() - started),
      schema: schemaVersionOf(sqlite),
    });
    return this.opened;
  }

  close(): void {
    this.stopRuntime?.();
    this.stopRuntime = null;
    this.masterKey?.fill(0);
    this.masterKey = null;
    this.sessions.clear();
    if (this.opened) {
      this.opened.sqlite.close();
      this.opened.key.fill(0);
      this.opened = null;
    }
  }
}
