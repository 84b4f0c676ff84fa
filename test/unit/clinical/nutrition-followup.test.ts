import { describe, expect, it } from 'vitest';
import {
  ClinicalInputError,
  addDays,
  admissionType,
  cmamPerformance,
  defaulterStatus,
  dischargeEligibility,
  getProtocolProfile,
  medicinesDue,
  nonResponderStatus,
  referralAlerts,
  stayWeightGain,
  weightGainGPerKgPerDay,
} from '../../../shared/clinical';
import type { DischargeVisit, FollowUpVisit } from '../../../shared/clinical';

const who2023 = getProtocolProfile('who-2023');

describe('weight gain', () => {
  it('is (w2 − w1) × 1000 / (w1 × days)', () => {
    expect(weightGainGPerKgPerDay(6, 6.42, '2024-01-01', '2024-01-15')).toBeCloseTo(5, 10);
    expect(weightGainGPerKgPerDay(8, 7.6, '2024-01-01', '2024-01-11')).toBeCloseTo(-5, 10);
    expect(() => weightGainGPerKgPerDay(6, 7, '2024-01-02', '2024-01-02')).toThrow(ClinicalInputError);
  });
  it('averages a cured stay from the minimum weight to exit', () => {
    const stay = [
      { date: '2024-01-01', weightKg: 6.2 },
      { date: '2024-01-08', weightKg: 6.0 },
      { date: '2024-01-15', weightKg: 6.3 },
      { date: '2024-02-05', weightKg: 7.26 },
    ];
    expect(stayWeightGain(stay)).toBeCloseTo((1.26 * 1000) / (6.0 * 28), 10);
    expect(stayWeightGain([stay[0]!, { date: '2024-01-08', weightKg: 6.1 }])).toBeNull();
  });
});

describe('referral alerts', () => {
  const v = (
    day: number,
    weightKg: number | null,
    oedema: FollowUpVisit['oedema'] = 'none',
  ): FollowUpVisit => ({
    date: addDays('2024-03-01', day * 7),
    weightKg,
    oedema,
  });
  it('weight loss on 2 consecutive visits, not on 1', () => {
    expect(referralAlerts([v(0, 7), v(1, 6.9), v(2, 6.8)])).toContain('weight-loss');
    expect(referralAlerts([v(0, 7), v(1, 7.1), v(2, 7.0)])).not.toContain('weight-loss');
  });
  it('no weight gain on 3 consecutive visits, not on 2', () => {
    expect(referralAlerts([v(0, 7), v(1, 7), v(2, 7), v(3, 7)])).toEqual(['no-weight-gain']);
    expect(referralAlerts([v(0, 6.9), v(1, 7), v(2, 7), v(3, 7)])).toEqual([]);
    expect(referralAlerts([v(0, 7), v(1, 7), v(2, null), v(3, 7)])).toEqual([]);
  });
  it('oedema appearing or increasing', () => {
    expect(referralAlerts([v(0, 7), v(1, 7.1, '+')])).toEqual(['oedema-appeared']);
    expect(referralAlerts([v(0, 7, '+'), v(1, 7.1, '++')])).toEqual(['oedema-increased']);
    expect(referralAlerts([v(0, 7, '++'), v(1, 7.1, '+')])).toEqual([]);
  });
  it('new complication and failed appetite test', () => {
    expect(referralAlerts([{ ...v(0, 7), newComplication: true, appetiteTest: 'fail' }])).toEqual([
      'new-complication',
      'appetite-test-failed',
    ]);
  });
  it('refuses visits out of order', () => {
    expect(() => referralAlerts([v(1, 7), v(0, 7)])).toThrow(ClinicalInputError);
    expect(() => referralAlerts([v(0, 7), v(1, 7, 'yes' as never)])).toThrow(/visits\[1\]\.oedema/);
  });
});

describe('defaulter and non-responder', () => {
  const base = { lastAttendedDate: '2024-03-01', nextScheduledDate: '2024-03-08' };
  it.each([
    ['2024-03-08', 0, false],
    ['2024-03-09', 1, false],
    ['2024-03-22', 2, false],
    ['2024-03-23', 3, true],
  ])('as of %s: %i missed, defaulted %s', (asOf, missed, defaulted) => {
    expect(defaulterStatus({ ...base, asOf })).toMatchObject({ missedVisits: missed, defaulted });
  });
  it('non-responder after 12 weeks without cure', () => {
    expect(
      nonResponderStatus({ admissionDate: '2024-01-01', asOf: '2024-03-24', cured: false }).nonResponder,
    ).toBe(false);
    expect(nonResponderStatus({ admissionDate: '2024-01-01', asOf: '2024-03-25', cured: false })).toEqual({
      daysInTreatment: 84,
      weeksInTreatment: 12,
      nonResponder: true,
    });
    expect(
      nonResponderStatus({ admissionDate: '2024-01-01', asOf: '2024-03-25', cured: true }).nonResponder,
    ).toBe(false);
  });
});

describe('admission type', () => {
  const cured = {
    programme: 'OTP' as const,
    admissionDate: '2024-01-01',
    exitDate: '2024-03-01',
    exitType: 'cured' as const,
  };
  it('relapse only for SAM less than 2 months after a cured exit', () => {
    const input = { status: 'SAM' as const, transferFrom: null, history: [cured] };
    expect(admissionType({ ...input, admissionDate: '2024-04-30' })).toBe('relapse');
    expect(admissionType({ ...input, admissionDate: '2024-05-01' })).toBe('new');
    expect(admissionType({ ...input, status: 'MAM', admissionDate: '2024-04-01' })).toBe('new');
  });
  it('readmission only less than 2 months after a defaulted exit, transfer in, new', () => {
    const defaulted = { ...cured, exitType: 'defaulted' as const };
    const back = (admissionDate: string) =>
      admissionType({ admissionDate, status: 'SAM', transferFrom: null, history: [defaulted] });
    expect(back('2024-03-01')).toBe('readmission');
    expect(back('2024-04-30')).toBe('readmission');
    expect(back('2024-05-01')).toBe('new');
    expect(back('2024-06-01')).toBe('new');
    expect(
      admissionType({ admissionDate: '2024-06-01', status: 'SAM', transferFrom: 'SC', history: [defaulted] }),
    ).toBe('transfer-in');
    expect(
      admissionType({ admissionDate: '2024-06-01', status: 'SAM', transferFrom: null, history: [] }),
    ).toBe('new');
    expect(() =>
      admissionType({ admissionDate: '2024-02-01', status: 'SAM', transferFrom: null, history: [cured] }),
    ).toThrow(ClinicalInputError);
  });
});

describe('discharge (cured)', () => {
  const visit = (
    date: string,
    muacMm: number | null,
    whz: number | null,
    oedema: DischargeVisit['oedema'] = 'none',
  ) => ({
    date,
    muacMm,
    whz,
    oedema,
  });
  it('WHO 2013: the admission indicator recovered and no oedema for 2 visits', () => {
    const visits = [visit('2024-03-01', 124, -2.5), visit('2024-03-08', 125, -2.5)];
    expect(dischargeEligibility({ admissionCriteria: ['muac-sam'], visits })).toEqual({
      eligible: true,
      rule: 'same-indicator',
      unmet: [],
    });
    expect(dischargeEligibility({ admissionCriteria: ['whz-sam'], visits }).unmet).toEqual([
      'whz-below-threshold',
    ]);
    const whzVisits = [visit('2024-03-01', 110, -2.1), visit('2024-03-08', 110, -2)];
    expect(dischargeEligibility({ admissionCriteria: ['whz-sam'], visits: whzVisits }).eligible).toBe(true);
  });
  it('WHO 2023: WHZ ≥ −2 AND MUAC ≥ 125 mm', () => {
    const visits = [visit('2024-03-01', 124, -2.5), visit('2024-03-08', 125, -2.01)];
    expect(dischargeEligibility({ admissionCriteria: ['muac-sam'], visits }, who2023).unmet).toEqual([
      'whz-below-threshold',
    ]);
    const ok = [visit('2024-03-01', 124, -2.5), visit('2024-03-08', 125, -2)];
    expect(dischargeEligibility({ admissionCriteria: ['muac-sam'], visits: ok }, who2023).eligible).toBe(
      true,
    );
    const noWhz = [visit('2024-03-01', 124, null), visit('2024-03-08', 130, null)];
    expect(dischargeEligibility({ admissionCriteria: ['muac-sam'], visits: noWhz }, who2023).unmet).toEqual([
      'whz-missing',
    ]);
  });
  it('needs oedema gone at 2 consecutive visits', () => {
    const gone1 = [visit('2024-03-01', 126, null, '+'), visit('2024-03-08', 126, null)];
    expect(dischargeEligibility({ admissionCriteria: ['oedema'], visits: gone1 }).unmet).toEqual([
      'oedema-present',
    ]);
    const gone2 = [...gone1, visit('2024-03-15', 126, null)];
    expect(dischargeEligibility({ admissionCriteria: ['oedema'], visits: gone2 }).eligible).toBe(true);
    expect(
      dischargeEligibility({ admissionCriteria: ['muac-sam'], visits: [visit('2024-03-01', 130, null)] })
        .unmet,
    ).toEqual(['oedema-free-visits-too-few']);
  });
});

describe('Sphere performance', () => {
  it('rates over total exits against cure > 75 %, death < 10 %, default < 15 %', () => {
    const p = cmamPerformance({ cured: 75, died: 10, defaulted: 15, nonResponder: 0, medicalTransfer: 0 });
    expect(p.totalExits).toBe(100);
    expect(p.cured).toEqual({ percent: 75, meetsSphere: false });
    expect(p.died).toEqual({ percent: 10, meetsSphere: false });
    expect(p.defaulted).toEqual({ percent: 15, meetsSphere: false });
    const good = cmamPerformance({ cured: 76, died: 9, defaulted: 14, nonResponder: 1, medicalTransfer: 0 });
    expect([good.cured.meetsSphere, good.died.meetsSphere, good.defaulted.meetsSphere]).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      cmamPerformance({ cured: 0, died: 0, defaulted: 0, nonResponder: 0, medicalTransfer: 0 }).cured.percent,
    ).toBeNull();
  });
});

describe('routine medicines', () => {
  const at = (
    week: number,
    ageDays: number,
    given: ('amoxicillin' | 'deworming' | 'measles-vaccine')[] = [],
  ) =>
    medicinesDue({ admissionDate: '2024-01-01', visitDate: addDays('2024-01-01', week * 7), ageDays, given });
  it('amoxicillin at admission, deworming from week 2 (≥ 12 months), measles from week 4 (≥ 9 months)', () => {
    expect(at(0, 400)).toEqual(['amoxicillin']);
    expect(at(1, 400, ['amoxicillin'])).toEqual([]);
    expect(at(1, 400)).toEqual([]);
    expect(at(2, 400, ['amoxicillin'])).toEqual(['deworming']);
    expect(at(4, 400, ['amoxicillin', 'deworming'])).toEqual(['measles-vaccine']);
    expect(at(4, 273, ['amoxicillin'])).toEqual([]);
    expect(at(4, 274, ['amoxicillin'])).toEqual(['measles-vaccine']);
  });
});
