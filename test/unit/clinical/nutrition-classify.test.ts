import { describe, expect, it } from 'vitest';
import {
  ClinicalInputError,
  appetiteTest,
  appetiteTestMinimum,
  classifyNutrition,
  getProtocolProfile,
  placeChild,
  rutfRation,
} from '../../../shared/clinical';
import type { PlacementInput } from '../../../shared/clinical';

const child = 400; // days: 13 months

describe('SAM / MAM / normal (CLINICAL.md §2)', () => {
  it.each([
    [114, 'SAM', ['muac-sam']],
    [114.9, 'SAM', ['muac-sam']],
    [115, 'MAM', ['muac-mam']],
    [124, 'MAM', ['muac-mam']],
    [124.9, 'MAM', ['muac-mam']],
    [125, 'normal', []],
  ] as const)('MUAC %f mm → %s', (muacMm, status, criteria) => {
    const r = classifyNutrition({ muacMm, ageDays: child });
    expect(r.status).toBe(status);
    expect(r.criteria).toEqual(criteria);
  });

  it.each([
    [-3.01, 'SAM', ['whz-sam']],
    [-3, 'MAM', ['whz-mam']],
    [-2.01, 'MAM', ['whz-mam']],
    [-2, 'normal', []],
  ] as const)('WHZ %f → %s', (whz, status, criteria) => {
    const r = classifyNutrition({ whz, ageDays: child });
    expect(r.status).toBe(status);
    expect(r.criteria).toEqual(criteria);
  });

  it('is SAM with any oedema, whatever MUAC says', () => {
    const r = classifyNutrition({ muacMm: 130, oedema: '+', ageDays: child });
    expect(r.status).toBe('SAM');
    expect(r.criteria).toEqual(['oedema']);
    expect(r.admissionCriterion).toBe('oedema');
  });

  it('classifies by the most severe criterion and records every criterion met', () => {
    const r = classifyNutrition({ muacMm: 113, whz: -2.5, ageDays: child });
    expect(r.status).toBe('SAM');
    expect(r.criteria).toEqual(['muac-sam', 'whz-mam']);
    expect(r.admissionCriterion).toBe('muac');
    const several = classifyNutrition({ muacMm: 110, oedema: '++', ageDays: child });
    expect(several.criteria).toEqual(['oedema', 'muac-sam']);
    expect(several.admissionCriterion).toBe('several');
    expect(classifyNutrition({ muacMm: 110, whz: -3.5 }).criteria).toEqual(['muac-sam', 'whz-sam']);
    expect(classifyNutrition({ muacMm: 120, whz: -2.5 }).admissionCriterion).toBe('several');
  });

  it('does not use MUAC cut-offs under 6 months, and has nothing to say from 60 months', () => {
    const infant = classifyNutrition({ muacMm: 100, ageDays: 182 });
    expect(infant.status).toBeNull();
    expect(infant.notes).toContain('infant-muac-not-used');
    expect(classifyNutrition({ muacMm: 100, whz: -3.2, ageDays: 150 }).status).toBe('SAM');
    expect(classifyNutrition({ muacMm: 100, ageDays: 183 }).status).toBe('SAM');
    expect(classifyNutrition({ muacMm: 100, ageDays: 1827 }).status).toBeNull();
  });

  it('returns no status when nothing was measured, and refuses a WHZ alongside oedema', () => {
    expect(classifyNutrition({}).status).toBeNull();
    expect(() => classifyNutrition({ whz: -1, oedema: '+' })).toThrow(ClinicalInputError);
    expect(() => classifyNutrition({ muacMm: 300 })).toThrow(ClinicalInputError);
  });
});

describe('placement SC / OTP / TSFP', () => {
  const sam: PlacementInput = {
    status: 'SAM',
    ageDays: child,
    oedema: 'none',
    medicalComplication: false,
    dangerSign: false,
    appetiteTest: 'pass',
  };
  it('uncomplicated SAM with appetite goes to OTP', () => {
    expect(placeChild(sam)).toEqual({ programme: 'OTP', reasons: [], medicalReferral: false });
    expect(placeChild({ ...sam, oedema: '++' }).programme).toBe('OTP');
  });
  it.each([
    [{ medicalComplication: true }, 'medical-complication'],
    [{ dangerSign: true }, 'danger-sign'],
    [{ oedema: '+++' as const }, 'oedema-+++'],
    [{ appetiteTest: 'fail' as const }, 'appetite-test-failed'],
    [{ ageDays: 182 }, 'under-6-months'],
  ])('SAM goes to SC when %o', (change, reason) => {
    const r = placeChild({ ...sam, ...change });
    expect(r.programme).toBe('SC');
    expect(r.reasons).toEqual([reason]);
  });
  it('waits for the appetite test or the oedema grade before choosing OTP', () => {
    expect(placeChild({ ...sam, appetiteTest: null })).toMatchObject({
      programme: null,
      reasons: ['appetite-test-needed'],
    });
    expect(placeChild({ ...sam, oedema: 'present' })).toMatchObject({
      programme: null,
      reasons: ['oedema-grade-needed'],
    });
  });
  it('MAM goes to TSFP, referred for medical care when complicated; normal goes nowhere', () => {
    expect(placeChild({ ...sam, status: 'MAM' }).programme).toBe('TSFP');
    expect(placeChild({ ...sam, status: 'MAM', dangerSign: true })).toMatchObject({
      programme: 'TSFP',
      medicalReferral: true,
    });
    expect(placeChild({ ...sam, status: 'normal' }).programme).toBeNull();
    expect(() => placeChild({ ...sam, status: 'MAM', oedema: '+' })).toThrow(ClinicalInputError);
  });
});

describe('appetite test and RUTF ration (settings of who-2013)', () => {
  it.each([
    [3.9, 1 / 8],
    [4.0, 1 / 4],
    [9.9, 1 / 4],
    [10, 1 / 2],
    [14.9, 1 / 2],
    [15, 3 / 4],
  ])('at %f kg the minimum is %f sachet', (kg, min) => {
    expect(appetiteTestMinimum(kg)).toBe(min);
  });
  it('passes at the minimum, fails below it', () => {
    expect(appetiteTest(8, 0.25).result).toBe('pass');
    expect(appetiteTest(8, 0.24).result).toBe('fail');
    expect(appetiteTest(16, 0.75).result).toBe('pass');
    expect(() => appetiteTest(8, -1)).toThrow(ClinicalInputError);
  });
  it.each([
    [3.5, 1.5, 11],
    [3.99, 1.5, 11],
    [4.0, 2, 14],
    [4.9, 2, 14],
    [5.0, 2.5, 18],
    [6.9, 2.5, 18],
    [7.0, 3, 21],
    [8.4, 3, 21],
    [8.5, 3.5, 25],
    [9.4, 3.5, 25],
    [9.5, 4, 28],
    [10.4, 4, 28],
    [10.5, 4.5, 32],
    [11.9, 4.5, 32],
    [12, 5, 35],
    [25, 5, 35],
  ])('RUTF at %f kg: %f sachets/day, %i/week', (kg, day, week) => {
    expect(rutfRation(kg)).toMatchObject({ sachetsPerDay: day, sachetsPerWeek: week });
  });
  it('has no ration below 3.5 kg', () => {
    expect(() => rutfRation(3.4)).toThrow(/SC/);
    expect(rutfRation(12, getProtocolProfile('who-2023')).sachetsPerWeek).toBe(35);
  });
});
