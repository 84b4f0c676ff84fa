import type { Sqlite } from '../../db/open';
import { schemaVersionOf } from '../../db/migrate';
import { migrations } from '../../db/migrations/bundle.generated';

/** Tables whose row counts IT sees in `caredesk status` (internal tables left out). */
function userTables(sqlite: Sqlite): string[] {
  return (
    sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '%_fts%' AND name != 'schema_migrations' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

export function systemStatus(sqlite: Sqlite) {
  const check = sqlite.pragma('quick_check', { simple: true });
  const counts: Record<string, number> = {};
  for (const table of userTables(sqlite)) {
    counts[table] = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  }
  return {
    schemaVersion: schemaVersionOf(sqlite),
    appSchemaVersion: migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version,
    quickCheck: String(check),
    counts,
  };
}
