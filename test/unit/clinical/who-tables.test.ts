import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import tables from '../../../shared/clinical/growth/who-tables.generated.json';
import { FIXTURE, WHO_SOURCE_DIR, hasWhoSource } from './reference-cases';

type SexTable = {
  start: number;
  step: number;
  l: number[];
  m: number[];
  s: number[];
  loh?: [string, number][];
};
const indicators = tables.indicators as unknown as Record<string, { male: SexTable; female: SexTable }>;

const FILES: Record<string, { file: string; rows: number }> = {
  wfl: { file: 'wflanthro.txt', rows: 651 },
  wfh: { file: 'wfhanthro.txt', rows: 551 },
  wfa: { file: 'weianthro.txt', rows: 1827 },
  lhfa: { file: 'lenanthro.txt', rows: 1827 },
  bmi: { file: 'bmianthro.txt', rows: 1827 },
  acfa: { file: 'acanthro.txt', rows: 1736 },
};

/** The loh/lorh code the compact table implies for row i. */
function lohAt(table: SexTable, x: number): string | undefined {
  let code: string | undefined;
  for (const [c, from] of table.loh ?? []) if (x >= from - 1e-9) code = c;
  return code;
}

describe('WHO tables shipped with the app', () => {
  it('carries the WHO attribution and every indicator for both sexes', () => {
    expect(tables.attribution).toBe('WHO Child Growth Standards, World Health Organization, 2006');
    for (const [key, { rows }] of Object.entries(FILES)) {
      for (const sex of ['male', 'female'] as const) {
        const t = indicators[key]?.[sex] as SexTable;
        expect(t.l).toHaveLength(rows);
        expect(t.m).toHaveLength(rows);
        expect(t.s).toHaveLength(rows);
        expect(t.m.every((v) => v > 0) && t.s.every((v) => v > 0)).toBe(true);
      }
    }
  });

  // Drift check: the generated JSON must equal WHO's text tables row for row (run where ../shared exists, as in CI).
  if (!hasWhoSource) {
    console.info(
      `WHO drift check skipped: the WHO source tables are not at ${WHO_SOURCE_DIR} on this machine`,
    );
  }
  it('ships the reference-case fixture', () => {
    expect(existsSync(FIXTURE)).toBe(true);
  });
  it.skipIf(!hasWhoSource)('equals the source tables in ../shared/who-growth', () => {
    let compared = 0;
    for (const [key, { file }] of Object.entries(FILES)) {
      const lines = readFileSync(join(WHO_SOURCE_DIR, file), 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '');
      const header = (lines[0] as string).split('\t').map((h) => h.trim());
      const counters = { male: 0, female: 0 };
      for (const line of lines.slice(1)) {
        const row = Object.fromEntries(line.split('\t').map((c, i) => [header[i], c.trim()]));
        const sex = row.sex === '1' ? 'male' : 'female';
        const t = indicators[key]?.[sex] as SexTable;
        const i = counters[sex]++;
        const x = Number(row[header[1] as string]);
        expect(Math.abs(t.start + i * t.step - x)).toBeLessThan(1e-9);
        expect([t.l[i], t.m[i], t.s[i]]).toEqual([Number(row.l), Number(row.m), Number(row.s)]);
        const loh = row.loh ?? row.lorh;
        if (loh !== undefined) expect(lohAt(t, x)).toBe(loh.toUpperCase());
        compared++;
      }
      expect(counters.male).toBe(indicators[key]?.male.l.length);
      expect(counters.female).toBe(indicators[key]?.female.l.length);
    }
    expect(compared).toBe(2 * Object.values(FILES).reduce((n, f) => n + f.rows, 0));
  });

  it('test fixture is the same as ../shared/who-growth/reference-cases.csv', () => {
    const fixture = readFileSync(FIXTURE, 'utf8');
    expect(fixture.trim().split(/\r?\n/)).toHaveLength(121);
    if (hasWhoSource) expect(fixture).toBe(readFileSync(join(WHO_SOURCE_DIR, 'reference-cases.csv'), 'utf8'));
  });
});
