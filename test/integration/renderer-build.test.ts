import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { CSP } from '../host/http-host';

const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'caredesk-renderer-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function buildInto(mode: 'production' | 'web'): Promise<{ html: string; js: string; files: string[] }> {
  const outDir = join(out, mode);
  await build({ configFile: join(root, 'vite.config.ts'), mode, logLevel: 'silent', build: { outDir } });
  const files = readdirSync(join(outDir, 'assets'));
  const js = files
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(outDir, 'assets', f), 'utf8'))
    .join('\n');
  return { html: readFileSync(join(outDir, 'index.html'), 'utf8'), js, files };
}

describe('renderer builds', () => {
  it('the Electron build has the CSP, no HTTP transport, no eval and no source maps', async () => {
    const { html, js, files } = await buildInto('production');
    expect(html).toContain(`content="${CSP}"`);
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
    expect(js).not.toContain('/api/invoke');
    expect(js).not.toContain('/api/events');
    expect(js).not.toMatch(/\beval\(/);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it('the web build carries the HTTP bridge for the browser test host', async () => {
    const { html, js } = await buildInto('web');
    expect(html).toContain(`content="${CSP}"`);
    expect(js).toContain('/api/invoke');
  });
});
