import type { Sqlite } from './open';

export interface Migration {
  version: number;
  tag: string;
  hash: string;
  statements: string[];
}

/** The database was written by a newer CareDesk: never "fix" it, refuse it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database has schema version ${databaseVersion}, but this CareDesk only knows up to version ${appVersion}. ` +
        'Install the newer CareDesk that wrote it; the database was not changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersionOf(sqlite: Sqlite): number {
  return Number(sqlite.pragma('user_version', { simple: true }));
}

export interface MigrateOptions {
  /** Called before any pending migration runs on a database that already has data. */
  backupBeforeMigrating?: (fromVersion: number) => void;
  now?: () => string;
}

/** Runs pending migrations in one transaction; `user_version` is the number of applied migrations. */
export function migrate(
  sqlite: Sqlite,
  migrations: readonly Migration[],
  options: MigrateOptions = {},
): { from: number; to: number } {
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  const from = schemaVersionOf(sqlite);
  if (from > latest) throw new SchemaTooNewError(from, latest);
  if (from === latest) return { from, to: latest };
  if (from > 0) options.backupBeforeMigrating?.(from);
  const now = options.now ?? (() => new Date().toISOString());
  const pending = migrations.filter((m) => m.version > from);
  sqlite.transaction(() => {
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const record = sqlite.prepare(
      'INSERT INTO schema_migrations (version, tag, hash, applied_at) VALUES (?, ?, ?, ?)',
    );
    for (const migration of pending) {
      for (const statement of migration.statements) sqlite.exec(statement);
      record.run(migration.version, migration.tag, migration.hash, now());
    }
    sqlite.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest };
}
