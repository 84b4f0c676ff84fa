import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createT, LANGUAGES, type MessageKey } from '../../shared/i18n';

const ROOT = join(import.meta.dirname, '../../src-renderer');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** Every <DialogActions> block of the renderer with the catalog keys of its buttons, in source order. */
function dialogButtonKeys(): { where: string; keys: string[] }[] {
  const found: { where: string; keys: string[] }[] = [];
  for (const file of sources(ROOT)) {
    const text = readFileSync(file, 'utf8');
    for (const block of text.matchAll(/<DialogActions[^>]*>([\s\S]*?)<\/DialogActions>/g)) {
      const keys = [...block[1]!.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!);
      const line = text.slice(0, block.index).split('\n').length;
      found.push({ where: `${file.slice(ROOT.length + 1)}:${line}`, keys });
    }
  }
  return found;
}

describe('dialog buttons (issue 16: the French void dialog had two "Annuler")', () => {
  const dialogs = dialogButtonKeys();

  it('finds the dialogs', () => {
    expect(dialogs.length).toBeGreaterThanOrEqual(8);
    expect(dialogs.some((d) => d.where.startsWith('features/patients/VoidDialog.tsx'))).toBe(true);
  });

  for (const language of LANGUAGES) {
    it(`no dialog has two buttons with the same label (${language})`, () => {
      const t = createT(language);
      const clashes: string[] = [];
      for (const { where, keys } of dialogs) {
        const labels = keys.map((k) => (t as (key: MessageKey) => string)(k as MessageKey));
        const seen = new Set<string>();
        for (const label of labels) {
          if (seen.has(label.toLowerCase())) clashes.push(`${where}: "${label}"`);
          seen.add(label.toLowerCase());
        }
      }
      expect(clashes).toEqual([]);
    });
  }
});
