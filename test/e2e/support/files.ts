import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** Screenshots and traces: test-results/e2e/<launcher>/ (git-ignored). */
export function resultsDir(launcher: string): string {
  const dir = join(REPO_ROOT, 'test-results', 'e2e', launcher);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function tempDataDir(): { dataDir: string; remove(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-e2e-'));
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Every file under `dir` with its size and SHA-256: equal snapshots mean byte-for-byte the same folder. */
export function snapshotFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else
        out[relative(dir, path)] =
          `${stat.size}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

/** "file: text" for each file under `dir` that contains one of `texts` in plain UTF-8 (there should be none). */
export function plainTextHits(dir: string, texts: readonly string[]): string[] {
  const hits: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const bytes = readFileSync(path);
        for (const text of texts)
          if (bytes.includes(Buffer.from(text, 'utf8'))) hits.push(`${relative(dir, path)}: ${text}`);
      }
    }
  };
  walk(dir);
  return hits;
}
