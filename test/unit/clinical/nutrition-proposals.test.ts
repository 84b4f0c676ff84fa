import { describe, expect, it } from 'vitest';
import { curedSustained, getProtocolProfile } from '../../../shared/clinical';

const visit = (date: string, muacMm: number, oedema: 'none' | '+' = 'none') => ({
  date,
  muacMm,
  whz: null,
  oedema,
});

describe('cured proposal', () => {
  it('needs MUAC ≥ 125 mm at two consecutive visits for a child admitted on MUAC (WHO 2013)', () => {
    const criteria = ['muac-sam'] as const;
    const once = [visit('2026-03-01', 108), visit('2026-03-08', 118), visit('2026-03-15', 126)];
    expect(curedSustained({ admissionCriteria: criteria, visits: once }).proposed).toBe(false);
    const twice = [...once, visit('2026-03-22', 127)];
    expect(curedSustained({ admissionCriteria: criteria, visits: twice })).toEqual({
      proposed: true,
      unmet: [],
    });
    const dip = [...twice.slice(0, 3), visit('2026-03-22', 124)];
    expect(curedSustained({ admissionCriteria: criteria, visits: dip }).unmet).toEqual([
      'muac-below-threshold',
    ]);
  });

  it('refuses a cure while oedema is present, and needs WHZ too under WHO 2023', () => {
    const criteria = ['oedema'] as const;
    const visits = [visit('2026-03-01', 126, '+'), visit('2026-03-08', 127, '+'), visit('2026-03-15', 128)];
    expect(curedSustained({ admissionCriteria: criteria, visits }).proposed).toBe(false);
    const who2023 = getProtocolProfile('who-2023');
    const muacOnly = [visit('2026-03-01', 126), visit('2026-03-08', 127)];
    expect(curedSustained({ admissionCriteria: ['muac-sam'], visits: muacOnly }, who2023).unmet).toEqual([
      'whz-missing',
    ]);
  });
});
