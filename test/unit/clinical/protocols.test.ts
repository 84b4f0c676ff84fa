import { describe, expect, it } from 'vitest';
import {
  ClinicalInputError,
  DEFAULT_PROTOCOL,
  getProtocolProfile,
  listProtocolProfiles,
} from '../../../shared/clinical';

describe('protocol profiles', () => {
  it('defaults to who-2013 and finds profiles by id and version', () => {
    expect(DEFAULT_PROTOCOL.id).toBe('who-2013');
    expect(getProtocolProfile('who-2013', 1)).toBe(DEFAULT_PROTOCOL);
    expect(getProtocolProfile('who-2023').cmam.discharge.rule).toBe('all-criteria');
    expect(DEFAULT_PROTOCOL.cmam.discharge.rule).toBe('same-indicator');
    expect(listProtocolProfiles().map((p) => `${p.id}@${p.version}`)).toEqual(['who-2013@1', 'who-2023@1']);
  });

  it('refuses an unknown id or version with a typed error', () => {
    expect(() => getProtocolProfile('msf-2020')).toThrow(ClinicalInputError);
    expect(() => getProtocolProfile('who-2013', 2)).toThrow(/who-2013 version 2/);
  });

  it('holds the CLINICAL.md settings as data', () => {
    const c = DEFAULT_PROTOCOL.cmam;
    expect([
      c.defaulterMissedVisits,
      c.nonResponderWeeks,
      c.followUpIntervalDays,
      c.relapseWithinMonths,
      c.readmissionWithinMonths,
    ]).toEqual([3, 12, 7, 2, 2]);
    expect(c.rutf.map((b) => [b.minKg, b.sachetsPerDay, b.sachetsPerWeek])).toEqual([
      [3.5, 1.5, 11],
      [4, 2, 14],
      [5, 2.5, 18],
      [7, 3, 21],
      [8.5, 3.5, 25],
      [9.5, 4, 28],
      [10.5, 4.5, 32],
      [12, 5, 35],
    ]);
    expect(DEFAULT_PROTOCOL.anc.missedAfterDays).toBe(14);
  });

  it('cannot be changed at run time (old decisions keep their rules)', () => {
    expect(() => {
      (DEFAULT_PROTOCOL.cmam as { nonResponderWeeks: number }).nonResponderWeeks = 8;
    }).toThrow(TypeError);
    expect(() => {
      (DEFAULT_PROTOCOL.cmam.rutf as unknown as number[]).push(1);
    }).toThrow(TypeError);
  });
});
