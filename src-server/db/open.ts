// Opens the server's database: a real PostgreSQL when DATABASE_URL is given, otherwise an embedded PGlite in
// the data folder (so `npm run server` works on a fresh machine). Committed migrations run at every start.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenServerDb {
  db: ServerDb;
  engine: 'pglite' | 'postgresql';
  where: string;
  close(): Promise<void>;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openServerDb(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<OpenServerDb> {
  if (options.databaseUrl) {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const pool = new Pool({ connectionString: options.databaseUrl, max: 8 });
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder });
    const url = new URL(options.databaseUrl);
    return {
      db: db as unknown as ServerDb,
      engine: 'postgresql',
      where: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const folder = join(options.dataDir, 'pglite');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const client = await PGlite.create(folder);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as ServerDb,
    engine: 'pglite',
    where: folder,
    close: () => client.close(),
  };
}
