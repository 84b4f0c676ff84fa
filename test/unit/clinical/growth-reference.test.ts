import { describe, expect, it } from 'vitest';
import { computeAnthropometry } from '../../../shared/clinical';
import type { Measured, OedemaInput, Sex } from '../../../shared/clinical';
import { numberOrNull, referenceCases } from './reference-cases';

const INDICATORS = ['waz', 'haz', 'whz', 'bmiz', 'muacz'] as const;
const cases = referenceCases();

describe('WHO anthro reference cases (../shared/who-growth/reference-cases.csv)', () => {
  it('has the 120 cases covering both sexes, both positions and oedema', () => {
    expect(cases).toHaveLength(120);
    const seen = (col: string) => new Set(cases.map((c) => c.raw[col]));
    expect(seen('sex')).toEqual(new Set(['male', 'female']));
    expect(seen('measured')).toEqual(new Set(['lying', 'standing']));
    expect(seen('oedema').has('+')).toBe(true);
  });

  it.each(cases.map((c) => [c.line, c] as const))('row %i agrees to ±0.01 on every indicator', (_line, c) => {
    const r = c.raw;
    const result = computeAnthropometry({
      sex: r.sex as Sex,
      ageDays: numberOrNull(r.age_days),
      weightKg: numberOrNull(r.weight_kg),
      lengthCm: numberOrNull(r.lenhei_cm),
      measured: r.measured as Measured,
      oedema: r.oedema as OedemaInput,
      muacMm: numberOrNull(r.muac_mm),
    });
    for (const key of INDICATORS) {
      const expected = numberOrNull(r[key]);
      if (expected === null) {
        expect(result[key], `${key} should not be computable`).toBeNull();
      } else {
        expect(result[key], key).not.toBeNull();
        expect(
          Math.abs((result[key] as number) - expected),
          `${key}: ${result[key]} vs ${expected}`,
        ).toBeLessThanOrEqual(0.01 + 1e-9);
      }
    }
    const expectedImplausible = (r.implausible ?? '').split(' ').filter(Boolean).sort();
    expect([...result.implausible].sort()).toEqual(expectedImplausible);
    for (const key of expectedImplausible) expect(result.flags).toContain(`${key}-implausible`);
  });
});

describe('CLINICAL.md §1 test vector: boy, 65.0 cm lying (L −0.3521, M 7.2666, S 0.08223)', () => {
  it.each([
    [6.0, -2.41],
    [5.6, -3.3],
    [5.0, -4.61],
  ])('%f kg → WHZ %f', (weightKg, whz) => {
    const withAge = computeAnthropometry({
      sex: 'male',
      ageDays: 400,
      weightKg,
      lengthCm: 65.0,
      measured: 'lying',
    });
    const noAge = computeAnthropometry({ sex: 'male', weightKg, lengthCm: 65.0, measured: 'lying' });
    expect(withAge.whz).toBe(whz);
    expect(withAge.table).toBe('wfl');
    expect(noAge.whz).toBe(whz);
  });
});
