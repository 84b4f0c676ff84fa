import { describe, expect, it } from 'vitest';
import { ClinicalInputError, computeAnthropometry } from '../../../shared/clinical';
import type { AnthropometryInput } from '../../../shared/clinical';

const boy = (extra: Partial<AnthropometryInput>) => computeAnthropometry({ sex: 'male', ...extra });

function errorOf(fn: () => unknown): ClinicalInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('length/height adjustment and table choice', () => {
  it('adds 0.7 cm when standing under 731 days and uses weight-for-length', () => {
    const r = boy({ ageDays: 730, weightKg: 9.8, lengthCm: 80, measured: 'standing' });
    expect(r.lengthUsedCm).toBe(80.7);
    expect(r.table).toBe('wfl');
    expect(r.flags).toContain('standing-converted-to-length');
  });

  it('subtracts 0.7 cm when lying from 731 days and uses weight-for-height', () => {
    const r = boy({ ageDays: 731, weightKg: 9.8, lengthCm: 80, measured: 'lying' });
    expect(r.lengthUsedCm).toBe(79.3);
    expect(r.table).toBe('wfh');
    expect(r.flags).toContain('lying-converted-to-height');
  });

  it('keeps the length when the position matches the age', () => {
    expect(boy({ ageDays: 730, weightKg: 9.8, lengthCm: 80, measured: 'lying' }).lengthUsedCm).toBe(80);
    expect(boy({ ageDays: 731, weightKg: 9.8, lengthCm: 80, measured: 'standing' }).lengthUsedCm).toBe(80);
  });

  it('judges the 45/110 cm and 65/120 cm table edges on the adjusted length', () => {
    expect(boy({ ageDays: 100, weightKg: 2.5, lengthCm: 44.3, measured: 'standing' }).whz).not.toBeNull();
    expect(boy({ ageDays: 100, weightKg: 2.5, lengthCm: 44.2, measured: 'standing' }).whz).toBeNull();
    expect(boy({ ageDays: 700, weightKg: 18, lengthCm: 110, measured: 'lying' }).whz).not.toBeNull();
    const over = boy({ ageDays: 700, weightKg: 18, lengthCm: 109.4, measured: 'standing' });
    expect(over.whz).toBeNull();
    expect(over.flags).toContain('length-outside-wfl-range');
    const under = boy({ ageDays: 800, weightKg: 7, lengthCm: 65.6, measured: 'lying' });
    expect(under.lengthUsedCm).toBe(64.9);
    expect(under.whz).toBeNull();
    expect(under.flags).toContain('height-outside-wfh-range');
    expect(boy({ ageDays: 800, weightKg: 7, lengthCm: 65.7, measured: 'lying' }).whz).not.toBeNull();
    expect(boy({ ageDays: 1500, weightKg: 25, lengthCm: 120, measured: 'standing' }).whz).not.toBeNull();
    expect(boy({ ageDays: 1500, weightKg: 25, lengthCm: 120.1, measured: 'standing' }).whz).toBeNull();
  });

  it('without age uses the position (as anthro), else length below 87 cm, and adjusts nothing', () => {
    expect(boy({ weightKg: 10, lengthCm: 90, measured: 'lying' }).table).toBe('wfl');
    expect(boy({ weightKg: 10, lengthCm: 80, measured: 'standing' }).table).toBe('wfh');
    expect(boy({ weightKg: 10, lengthCm: 86.9 }).table).toBe('wfl');
    expect(boy({ weightKg: 10, lengthCm: 87 }).table).toBe('wfh');
    const r = boy({ weightKg: 10, lengthCm: 80, measured: 'standing' });
    expect(r.lengthUsedCm).toBe(80);
    expect([r.waz, r.haz, r.bmiz, r.muacz]).toEqual([null, null, null, null]);
    expect(r.flags).toContain('age-unknown');
  });

  it('flags a standing measure under 9 months but still converts it (anthro/igrowup figures)', () => {
    const r = computeAnthropometry({
      sex: 'female',
      ageDays: 196,
      weightKg: 9.4,
      lengthCm: 86.5,
      measured: 'standing',
    });
    expect(r.flags).toContain('standing-under-9-months');
    expect(r.whz).toBe(-2.64);
    expect(boy({ ageDays: 274, weightKg: 9, lengthCm: 72, measured: 'standing' }).flags).not.toContain(
      'standing-under-9-months',
    );
  });
});

describe('what is not computed, and why', () => {
  it('computes no weight-based score with oedema, but still HAZ and MUAC-for-age', () => {
    const r = boy({ ageDays: 400, weightKg: 7, lengthCm: 70, measured: 'lying', oedema: '+', muacMm: 112 });
    expect([r.waz, r.whz, r.bmiz]).toEqual([null, null, null]);
    expect(r.haz).toBe(-2.91);
    expect(r.muacz).toBe(-3.44);
    expect(r.flags).toContain('oedema-no-weight-z');
    expect(
      boy({ ageDays: 400, weightKg: 7, lengthCm: 70, measured: 'lying', oedema: 'present' }).whz,
    ).toBeNull();
  });

  it('computes nothing from 60 months (1827 days); 1826 days still counts', () => {
    const old = boy({ ageDays: 1827, weightKg: 17, lengthCm: 108, measured: 'standing', muacMm: 150 });
    expect([old.whz, old.waz, old.haz, old.bmiz, old.muacz, old.table]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(old.flags).toContain('age-60-months-or-more');
    expect(boy({ ageDays: 1826, weightKg: 17, lengthCm: 108, measured: 'standing' }).whz).not.toBeNull();
  });

  it('names missing measurements and MUAC before 91 days', () => {
    const r = boy({ ageDays: 60 });
    expect(r.flags).toEqual(expect.arrayContaining(['weight-missing', 'length-missing', 'muac-missing']));
    expect(boy({ ageDays: 90, muacMm: 110 }).flags).toContain('muac-under-91-days');
    expect(boy({ ageDays: 90, muacMm: 110 }).muacz).toBeNull();
    expect(boy({ ageDays: 91, muacMm: 110 }).muacz).not.toBeNull();
  });

  it('flags implausible scores at the CLINICAL.md limits', () => {
    const r = boy({ ageDays: 1200, weightKg: 30, lengthCm: 100, measured: 'standing' });
    expect(r.implausible).toEqual(['whz', 'waz']);
    expect(r.whz).toBeGreaterThan(5);
  });
});

describe('ages from dates', () => {
  it('counts whole days between birth and visit, across a leap day', () => {
    expect(boy({ birthDate: '2023-02-28', visitDate: '2024-03-01', weightKg: 9 }).ageDays).toBe(367);
    expect(boy({ birthDate: '2024-12-31', visitDate: '2025-01-01', weightKg: 3.5 }).ageDays).toBe(1);
  });

  it('marks estimated birth dates', () => {
    expect(boy({ ageDays: 400, birthDateEstimated: true }).flags).toContain('birth-date-estimated');
  });

  it('refuses a visit before birth, future dates, and a mismatching age', () => {
    expect(errorOf(() => boy({ birthDate: '2024-05-02', visitDate: '2024-05-01' })).code).toBe(
      'before-birth',
    );
    expect(
      errorOf(() => boy({ birthDate: '2024-05-01', visitDate: '2024-06-02', today: '2024-06-01' })).code,
    ).toBe('future-date');
    expect(errorOf(() => boy({ birthDate: '2024-05-01', visitDate: '2024-06-01', ageDays: 30 })).field).toBe(
      'ageDays',
    );
    expect(errorOf(() => boy({ birthDate: '2024-02-30', visitDate: '2024-06-01' })).code).toBe(
      'invalid-date',
    );
    expect(errorOf(() => boy({ birthDate: '2024-02-01' })).field).toBe('visitDate');
    expect(errorOf(() => boy({ ageDays: -1 })).code).toBe('before-birth');
    expect(errorOf(() => boy({ ageDays: 10.5 })).code).toBe('not-an-integer');
  });
});

describe('hard limits (CLINICAL.md §1)', () => {
  it.each([
    ['weightKg', 0.5, 'out-of-range'],
    ['weightKg', 60.01, 'out-of-range'],
    ['lengthCm', 37.9, 'out-of-range'],
    ['lengthCm', 130.1, 'out-of-range'],
    ['muacMm', 59, 'out-of-range'],
    ['muacMm', 251, 'out-of-range'],
    ['weightKg', NaN, 'not-a-number'],
    ['lengthCm', Infinity, 'not-a-number'],
  ] as const)('%s = %f is refused (%s)', (field, value, code) => {
    const e = errorOf(() => boy({ ageDays: 400, [field]: value }));
    expect([e.field, e.code]).toEqual([field, code]);
  });

  it.each([
    ['weightKg', 0.51],
    ['weightKg', 60],
    ['lengthCm', 38],
    ['lengthCm', 130],
    ['muacMm', 60],
    ['muacMm', 250],
  ] as const)('%s = %f is accepted', (field, value) => {
    expect(() => boy({ ageDays: 400, [field]: value })).not.toThrow();
  });

  it('refuses an unknown sex, position or oedema grade', () => {
    expect(errorOf(() => computeAnthropometry({ sex: 'x' as never, ageDays: 1 })).field).toBe('sex');
    expect(errorOf(() => boy({ ageDays: 1, measured: 'sitting' as never })).field).toBe('measured');
    expect(errorOf(() => boy({ ageDays: 1, oedema: '++++' as never })).field).toBe('oedema');
  });
});
