import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityCheck } from '../../../src-main/db/integrity';
import { openDatabase } from '../../../src-main/db/open';
import { verifyAuditChain } from '../../../src-main/modules/audit/audit.service';
import { setUpFacility, tempCore } from '../../support/core';

const ROUNDS = 200;
// Bundled inside the repo so the child resolves better-sqlite3 from node_modules like the app does.
const outDir = join(process.cwd(), 'test-results', `durability-${process.pid}`);
const writer = join(outDir, 'writer.mjs');

interface Round {
  reported: string[];
  killedAfterMs: number;
}

/** Starts the writer, kills it with SIGKILL at a random moment, returns the ids it reported as committed. */
function killedRound(file: string, keyHex: string, round: number, random: () => number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, String(round)], {
      env: { ...process.env, CAREDESK_TEST_KEY: keyHex },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killedAfterMs = -1;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (killedAfterMs < 0 && out === '' && chunk.startsWith('ready')) {
        // Anywhere from during the first transaction to well into the run.
        killedAfterMs = Math.floor(random() * 40);
        setTimeout(() => child.kill('SIGKILL'), killedAfterMs);
      }
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    // A round that never says ready (e.g. killed by the 2 s guard) still counts: nothing was reported.
    const guard = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself: ${err.slice(0, 300)}`));
      // Only whole lines count: a torn last line was not fully reported.
      const lines = out.split('\n');
      lines.pop();
      resolve({ reported: lines.filter((l) => l !== 'ready'), killedAfterMs });
    });
  });
}

/** Small seeded PRNG so a failing run can be replayed (the seed is printed on failure). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('durability under SIGKILL', () => {
  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    await build({
      entryPoints: [join(__dirname, 'writer.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3'],
      outfile: writer,
      logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it(
    `keeps every reported write and a sound database across ${ROUNDS} kills`,
    { timeout: 240_000 },
    async () => {
      const core = tempCore();
      await setUpFacility(core);
      const keyHex = core.state.database!.key.toString('hex');
      core.close();
      const file = join(core.dataDir, 'caredesk.db');
      const seed = Date.now() % 100_000;
      const random = mulberry32(seed);
      const everReported = new Set<string>();
      let withWrites = 0;
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const { reported } = await killedRound(file, keyHex, round, random);
          if (reported.length > 0) withWrites++;
          for (const id of reported) everReported.add(id);
          const { sqlite } = openDatabase({ file, key: Buffer.from(keyHex, 'hex') });
          try {
            expect(integrityCheck(sqlite), `round ${round} (seed ${seed})`).toBe('ok');
            const present = new Set(
              (sqlite.prepare('SELECT id FROM users').all() as { id: string }[]).map((r) => r.id),
            );
            const lost = [...everReported].filter((id) => !present.has(id));
            expect(lost, `round ${round} (seed ${seed}): reported but missing`).toEqual([]);
            // The chain walk grows with every round: every 20th round and the last are enough to catch a torn row.
            if (round % 20 === 0 || round === ROUNDS - 1) {
              expect(verifyAuditChain(sqlite), `round ${round} (seed ${seed})`).toMatchObject({ ok: true });
            }
          } finally {
            sqlite.close();
          }
        }
      } finally {
        core.dispose();
      }
      // The kills really interrupted a writer at work, not only idle starts.
      expect(withWrites).toBeGreaterThan(ROUNDS / 2);
      expect(everReported.size).toBeGreaterThan(ROUNDS);
    },
  );
});
