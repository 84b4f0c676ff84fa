import { resolve } from 'node:path';
import { build } from 'vite';

/** Vitest global setup: E2E always runs against a web renderer built from the current source (≈2 s). */
export default async function buildWebRenderer(): Promise<void> {
  const root = resolve(import.meta.dirname, '../../..');
  await build({ configFile: resolve(root, 'vite.config.ts'), mode: 'web', logLevel: 'warn' });
}
