import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClinicalInputError,
  addDays,
  addMonths,
  ageInYears,
  daysBetween,
  fromDayNumber,
  isLeapYear,
  isValidIsoDate,
  localDate,
  toDayNumber,
} from '../../../shared/clinical';

describe('calendar dates', () => {
  it('knows leap years', () => {
    expect([2023, 2024, 1900, 2000, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2023-12-31', '1900-01-01'])
      expect(isValidIsoDate(ok)).toBe(true);
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-1-1',
      '24-01-01',
      '2024-01-01T00:00',
      '',
      20240101,
    ]) {
      expect(isValidIsoDate(bad)).toBe(false);
    }
  });

  it('agrees with the UTC calendar day for day numbers (never shifted by a time zone)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }), (n) => {
        const iso = fromDayNumber(n);
        expect(iso).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(iso)).toBe(n);
      }),
    );
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
  });

  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-11-15', 2)).toBe('2024-01-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('counts completed years of age', () => {
    expect(ageInYears('2000-06-15', '2024-06-14')).toBe(23);
    expect(ageInYears('2000-06-15', '2024-06-15')).toBe(24);
    expect(ageInYears('2004-02-29', '2023-02-28')).toBe(19);
    expect(ageInYears('2004-02-29', '2023-02-27')).toBe(18);
  });

  it('reads the local calendar day of an instant', () => {
    expect(localDate(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
    expect(localDate(new Date(2024, 0, 1, 0, 0))).toBe('2024-01-01');
  });

  it('throws a typed error naming the field for an invalid date', () => {
    try {
      toDayNumber('2023-02-29', 'visitDate');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ClinicalInputError);
      expect((error as ClinicalInputError).field).toBe('visitDate');
      expect((error as ClinicalInputError).code).toBe('invalid-date');
    }
    expect(() => toDayNumber(null, 'lmp')).toThrow(/lmp is required/);
  });
});
