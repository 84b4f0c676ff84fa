import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClinicalInputError,
  computeAnthropometry,
  lmsTable,
  lmsValue,
  lmsZ,
  restrictedZ,
  weightForAgeZ,
  weightForLengthZ,
  bmiForAgeZ,
  lengthForAgeZ,
  muacForAgeZ,
} from '../../../shared/clinical';
import type { Indicator, Sex } from '../../../shared/clinical';
import { zAt } from '../../../shared/clinical/growth/lms';

const sex = fc.constantFrom<Sex>('male', 'female');

describe('LMS arithmetic', () => {
  it('gives the raw scores of the CLINICAL.md test vector (no adjustment)', () => {
    expect(lmsZ(5.6, -0.3521, 7.2666, 0.08223)).toBeCloseTo(-3.32, 2);
    expect(lmsZ(5.0, -0.3521, 7.2666, 0.08223)).toBeCloseTo(-4.86, 2);
    expect(restrictedZ(5.6, -0.3521, 7.2666, 0.08223)).toBeCloseTo(-3.3, 2);
    expect(restrictedZ(5.0, -0.3521, 7.2666, 0.08223)).toBeCloseTo(-4.61, 2);
  });

  it('adjusts symmetrically beyond ±3 SD: continuous at ±3, one 2→3 SD step per unit beyond', () => {
    const lms = fc.tuple(
      fc.double({ min: -1.5, max: 1.5, noNaN: true }).filter((l) => Math.abs(l) > 1e-3),
      fc.double({ min: 2, max: 30, noNaN: true }),
      fc.double({ min: 0.03, max: 0.15, noNaN: true }),
    );
    fc.assert(
      fc.property(lms, fc.double({ min: 0.001, max: 3, noNaN: true }), ([l, m, s], t) => {
        const sd2 = lmsValue(2, l, m, s);
        const sd3 = lmsValue(3, l, m, s);
        const sdm2 = lmsValue(-2, l, m, s);
        const sdm3 = lmsValue(-3, l, m, s);
        expect(restrictedZ(sd3, l, m, s)).toBeCloseTo(3, 9);
        expect(restrictedZ(sdm3, l, m, s)).toBeCloseTo(-3, 9);
        // t steps beyond each side land exactly t units beyond ±3.
        expect(restrictedZ(sd3 + t * (sd3 - sd2), l, m, s)).toBeCloseTo(3 + t, 9);
        const below = sdm3 - t * (sdm2 - sdm3);
        if (below > 0) expect(restrictedZ(below, l, m, s)).toBeCloseTo(-3 - t, 9);
        // Inside ±3 SD nothing changes.
        const inside = lmsValue(2.5 * (t / 3) * (t > 1.5 ? 1 : -1), l, m, s);
        expect(restrictedZ(inside, l, m, s)).toBe(lmsZ(inside, l, m, s));
      }),
    );
  });
});

describe('table lookup', () => {
  const indicators: Indicator[] = ['wfl', 'wfh', 'wfa', 'lhfa', 'bmi', 'acfa'];

  it('an input exactly on a table row uses that row (y = M → 0, y = SDk → k)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...indicators),
        sex,
        fc.nat(),
        fc.double({ min: -2.9, max: 2.9, noNaN: true }),
        (indicator, sx, n, k) => {
          const t = lmsTable(indicator, sx);
          const i = n % t.size;
          // Written as a person would type it: 65.3, not 45 + 203 × 0.1.
          const x = Math.round((t.start + i / t.perUnit) * 10) / 10;
          const [l, m, s] = [t.l[i] as number, t.m[i] as number, t.s[i] as number];
          expect(Math.abs(zAt(t, x, m, indicator !== 'lhfa'))).toBeLessThan(1e-12);
          expect(zAt(t, x, lmsValue(k, l, m, s), indicator !== 'lhfa')).toBeCloseTo(k, 9);
        },
      ),
    );
  });

  it('interpolates L, M and S linearly between 0.1 cm rows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'wfl' | 'wfh'>('wfl', 'wfh'),
        sex,
        fc.nat(),
        fc.integer({ min: 1, max: 99 }),
        (ind, sx, n, f100) => {
          const t = lmsTable(ind, sx);
          const i = n % (t.size - 1);
          const f = f100 / 100;
          const x = t.start + (i + f) / 10;
          const lerp = (a: Float64Array) => (a[i] as number) + f * ((a[i + 1] as number) - (a[i] as number));
          const y = lerp(t.m) * 1.1;
          expect(weightForLengthZ(sx, ind, x, y)).toBeCloseTo(
            restrictedZ(y, lerp(t.l), lerp(t.m), lerp(t.s)),
            6,
          );
        },
      ),
    );
  });

  it('is null outside the tables', () => {
    expect(weightForLengthZ('male', 'wfl', 44.9, 3)).toBeNull();
    expect(weightForLengthZ('male', 'wfl', 110.1, 20)).toBeNull();
    expect(weightForLengthZ('female', 'wfh', 64.9, 7)).toBeNull();
    expect(weightForLengthZ('female', 'wfh', 120.1, 25)).toBeNull();
    expect(weightForLengthZ('female', 'wfh', 120, 25)).not.toBeNull();
    expect(weightForAgeZ('male', 1827, 15)).toBeNull();
    expect(weightForAgeZ('male', 1826, 15)).not.toBeNull();
    expect(muacForAgeZ('male', 90, 120)).toBeNull();
    expect(muacForAgeZ('male', 91, 120)).not.toBeNull();
  });
});

describe('monotonicity', () => {
  it('every weight-based z-score increases with weight at fixed length and age', () => {
    fc.assert(
      fc.property(
        sex,
        fc.integer({ min: 0, max: 1826 }),
        fc.double({ min: 65, max: 110, noNaN: true }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        fc.double({ min: 0.001, max: 10, noNaN: true }),
        (sx, age, len, w, dw) => {
          const table = age < 731 ? 'wfl' : 'wfh';
          const a = [
            weightForAgeZ(sx, age, w),
            weightForLengthZ(sx, table, len, w),
            bmiForAgeZ(sx, age, w / (len / 100) ** 2),
          ];
          const b = [
            weightForAgeZ(sx, age, w + dw),
            weightForLengthZ(sx, table, len, w + dw),
            bmiForAgeZ(sx, age, (w + dw) / (len / 100) ** 2),
          ];
          a.forEach((z, i) => expect(b[i] as number).toBeGreaterThan(z as number));
          // Rounded scores never go down either.
          const r1 = computeAnthropometry({
            sex: sx,
            ageDays: age,
            weightKg: Math.min(w, 59),
            lengthCm: len,
            measured: age < 731 ? 'lying' : 'standing',
          });
          const r2 = computeAnthropometry({
            sex: sx,
            ageDays: age,
            weightKg: Math.min(w + dw, 60),
            lengthCm: len,
            measured: age < 731 ? 'lying' : 'standing',
          });
          for (const k of ['waz', 'whz', 'bmiz'] as const)
            expect(r2[k] as number).toBeGreaterThanOrEqual(r1[k] as number);
        },
      ),
    );
  });

  it('length-for-age increases with length', () => {
    fc.assert(
      fc.property(
        sex,
        fc.integer({ min: 0, max: 1826 }),
        fc.double({ min: 40, max: 125, noNaN: true }),
        (sx, age, len) => {
          expect(lengthForAgeZ(sx, age, len + 0.1) as number).toBeGreaterThan(
            lengthForAgeZ(sx, age, len) as number,
          );
        },
      ),
    );
  });
});

describe('no NaN ever leaves computeAnthropometry', () => {
  const anyValue = fc.oneof(
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, 0, -1, 0.5, 1e308),
    fc.integer({ min: -10, max: 3000 }),
    fc.string(),
    fc.constant(null),
    fc.constant(undefined),
  );
  it('returns finite-or-null scores, or throws a ClinicalInputError', () => {
    fc.assert(
      fc.property(
        fc.record({
          sex: fc.oneof(sex, fc.string()),
          ageDays: anyValue,
          weightKg: anyValue,
          lengthCm: anyValue,
          muacMm: anyValue,
          measured: fc.constantFrom('lying', 'standing', null, 'sitting'),
          oedema: fc.constantFrom('none', '+', '++', '+++', 'present', null, 'yes'),
        }),
        (input) => {
          try {
            const r = computeAnthropometry(input as never);
            for (const k of [
              'whz',
              'waz',
              'haz',
              'bmiz',
              'muacz',
              'ageDays',
              'lengthUsedCm',
              'bmi',
            ] as const) {
              const v = r[k];
              expect(v === null || Number.isFinite(v)).toBe(true);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(ClinicalInputError);
            expect((error as ClinicalInputError).field.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('computes valid random children without throwing', () => {
    fc.assert(
      fc.property(
        sex,
        fc.integer({ min: 0, max: 1900 }),
        fc.double({ min: 0.51, max: 60, noNaN: true }),
        fc.double({ min: 38, max: 130, noNaN: true }),
        fc.double({ min: 60, max: 250, noNaN: true }),
        fc.constantFrom<'lying' | 'standing' | null>('lying', 'standing', null),
        (sx, age, w, len, muac, measured) => {
          const r = computeAnthropometry({
            sex: sx,
            ageDays: age,
            weightKg: w,
            lengthCm: len,
            muacMm: muac,
            measured,
          });
          for (const k of ['whz', 'waz', 'haz', 'bmiz', 'muacz'] as const) {
            expect(r[k] === null || Number.isFinite(r[k])).toBe(true);
          }
          if (age <= 1826) expect(r.waz).not.toBeNull();
        },
      ),
    );
  });
});
