import { describe, expect, it } from 'vitest';
import {
  ClinicalInputError,
  dangerSignReferral,
  getProtocolProfile,
  iptpEligibility,
  riskFactors,
  tdEligibility,
} from '../../../shared/clinical';
import type { ProtocolProfile } from '../../../shared/clinical';

describe('risk factors', () => {
  const base = { ageYears: 25, gravida: 2, parity: 1 };
  it('age ≤ 17 and (setting) ≥ 35', () => {
    expect(riskFactors({ ...base, ageYears: 17 })).toEqual(['young-age']);
    expect(riskFactors({ ...base, ageYears: 18 })).toEqual([]);
    expect(riskFactors({ ...base, ageYears: 34 })).toEqual([]);
    expect(riskFactors({ ...base, ageYears: 35 })).toEqual(['older-age']);
    const profile = getProtocolProfile('who-2013');
    const withoutOlder: ProtocolProfile = { ...profile, anc: { ...profile.anc, riskAgeAtLeast: null } };
    expect(riskFactors({ ...base, ageYears: 40 }, withoutOlder)).toEqual([]);
  });
  it('first pregnancy, parity ≥ 5 and history', () => {
    expect(riskFactors({ ...base, gravida: 1, parity: 0 })).toEqual(['first-pregnancy']);
    expect(riskFactors({ ...base, gravida: 6, parity: 4 })).toEqual([]);
    expect(riskFactors({ ...base, gravida: 6, parity: 5 })).toEqual(['grand-multiparity']);
    expect(
      riskFactors({ ...base, previousCaesarean: true, hivPositive: true, currentVaginalBleeding: false }),
    ).toEqual(['previous-caesarean', 'hiv-positive']);
    expect(() => riskFactors({ ...base, parity: 2 })).toThrow(ClinicalInputError);
  });
});

describe('danger signs', () => {
  it('any danger sign means urgent referral; unknown signs are refused', () => {
    expect(dangerSignReferral([])).toEqual({ urgentReferral: false, signs: [] });
    expect(dangerSignReferral(['fever', 'convulsions']).urgentReferral).toBe(true);
    expect(() => dangerSignReferral(['headache'])).toThrow(ClinicalInputError);
  });
});

describe('IPTp-SP', () => {
  const lmp = '2024-01-01';
  it('from 13 weeks', () => {
    expect(iptpEligibility({ lmp, on: '2024-03-31', previousDoses: [] })).toMatchObject({
      eligible: false,
      reason: 'too-early-in-pregnancy',
      earliestDate: '2024-04-01',
    });
    expect(iptpEligibility({ lmp, on: '2024-04-01', previousDoses: [] })).toMatchObject({
      eligible: true,
      nextDose: 1,
    });
  });
  it('at least one month after the last dose; three doses meet the target', () => {
    expect(iptpEligibility({ lmp, on: '2024-05-01', previousDoses: ['2024-04-02'] })).toMatchObject({
      eligible: false,
      reason: 'too-soon-after-last-dose',
      earliestDate: '2024-05-02',
    });
    expect(iptpEligibility({ lmp, on: '2024-05-02', previousDoses: ['2024-04-02'] }).eligible).toBe(true);
    const three = iptpEligibility({
      lmp,
      on: '2024-08-01',
      previousDoses: ['2024-04-02', '2024-05-02', '2024-06-02'],
    });
    expect([three.eligible, three.nextDose, three.targetMet]).toEqual([true, 4, true]);
  });
  it('not with cotrimoxazole prophylaxis', () => {
    expect(iptpEligibility({ lmp, on: '2024-05-01', previousDoses: [], onCotrimoxazole: true }).reason).toBe(
      'on-cotrimoxazole',
    );
  });
});

describe('Td', () => {
  it('follows the 4 weeks / 6 months / 1 year / 1 year intervals, 5 doses in all', () => {
    expect(tdEligibility({ on: '2024-01-01', previousDoses: [] })).toMatchObject({
      eligible: true,
      nextDose: 1,
    });
    expect(tdEligibility({ on: '2024-01-28', previousDoses: ['2024-01-01'] })).toMatchObject({
      eligible: false,
      earliestDate: '2024-01-29',
    });
    expect(tdEligibility({ on: '2024-01-29', previousDoses: ['2024-01-01'] }).eligible).toBe(true);
    expect(tdEligibility({ on: '2024-07-28', previousDoses: ['2024-01-01', '2024-01-29'] }).eligible).toBe(
      false,
    );
    expect(tdEligibility({ on: '2024-07-29', previousDoses: ['2024-01-01', '2024-01-29'] }).eligible).toBe(
      true,
    );
    const five = ['2019-01-01', '2019-02-01', '2019-08-01', '2020-08-01', '2021-08-01'];
    expect(tdEligibility({ on: '2024-01-01', previousDoses: five })).toMatchObject({
      eligible: false,
      reason: 'complete',
    });
    expect(() => tdEligibility({ on: '2024-01-01', previousDoses: ['2024-02-01'] })).toThrow(
      ClinicalInputError,
    );
  });
});
