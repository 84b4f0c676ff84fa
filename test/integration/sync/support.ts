// A real central server on 127.0.0.1 for the sync tests: PGlite in a temp folder, or a throwaway PostgreSQL
// cluster (initdb + pg_ctl from /usr/lib/postgresql/*/bin) on a random loopback port.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src-server/app';
import { openServerDb, type OpenServerDb } from '../../../src-server/db/open';
import { createFacility } from '../../../src-server/facilities';

export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const version of readdirSync(root).sort().reverse()) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

/** Why the PostgreSQL runs are skipped here (null: they run). */
export const postgresMissing: string | null = postgresBin()
  ? null
  : 'PostgreSQL is not installed (apt-get install postgresql; .ci/run does)';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Postgres {
  url: string;
  stop(): void;
}

/** A fresh cluster in a temp folder, trust auth on loopback only. */
export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin()!;
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-pg-'));
  const port = await freePort();
  // initdb refuses to run as root: as root (CI containers) the cluster belongs to the postgres user.
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[]) => {
    if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
    return asRoot
      ? execFileSync(
          'su',
          ['postgres', '-s', '/bin/sh', '-c', [join(bin, cmd), ...args.map((a) => `'${a}'`)].join(' ')],
          { stdio: 'pipe' },
        )
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  };
  run('initdb', ['-D', join(dir, 'data'), '-U', 'caredesk', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    'start',
  ]);
  return {
    url: `postgres://caredesk@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  open: OpenServerDb;
  newFacility(code: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(
  options: { databaseUrl?: string; rateLimitPerMinute?: number } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-server-'));
  const open = await openServerDb({ databaseUrl: options.databaseUrl, dataDir });
  const app = await buildServer({ db: open.db, rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000 });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    open,
    newFacility: async (code, name = `Facility ${code}`) =>
      (await createFacility(open.db, { code, name })).enrolmentCode,
    async close() {
      await app.close();
      await open.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
