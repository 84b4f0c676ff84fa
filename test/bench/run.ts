// `npm run bench`: runs every test/bench/*.bench.ts and prints ONE JSON document of figures.
// Benchmarks measure; they do not pass or fail (targets are stated beside the figures).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import type { Bench, BenchFigures } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const figures: Record<string, BenchFigures> = {};
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { bench: Bench };
  process.stderr.write(`bench ${file}…\n`);
  figures[file.replace(/\.bench\.ts$/, '')] = await mod.bench();
}
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memGiB: Math.round(os.totalmem() / 2 ** 30),
};
process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), machine, figures }, null, 2)}\n`);
