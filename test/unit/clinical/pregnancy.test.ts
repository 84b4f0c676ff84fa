import { describe, expect, it } from 'vitest';
import {
  ClinicalInputError,
  ancContactSchedule,
  ancScheduleState,
  anaemia,
  bpLevel,
  datePregnancy,
  eddFromLmp,
  eddFromUltrasound,
  fastingGlucoseLevel,
  formatGestationalAge,
  gestationalAgeDays,
  hypertensionFlags,
  postnatalContacts,
} from '../../../shared/clinical';

describe('EDD and gestational age', () => {
  it.each([
    ['2023-05-25', '2024-02-29'],
    ['2023-05-26', '2024-03-01'],
    ['2022-05-25', '2023-03-01'],
    ['2024-03-27', '2025-01-01'],
    ['2024-03-26', '2024-12-31'],
    ['2023-12-31', '2024-10-06'],
    ['2024-02-29', '2024-12-05'],
  ])('LMP %s → EDD %s (Naegele, leap years and year ends)', (lmp, edd) => {
    expect(eddFromLmp(lmp)).toBe(edd);
  });

  it('dates by ultrasound from the scan and records the method', () => {
    expect(eddFromUltrasound('2024-03-01', 70)).toBe('2024-09-27');
    expect(
      datePregnancy({ lmp: '2024-01-01', ultrasound: { scanDate: '2024-03-01', gestationalAgeDays: 70 } }),
    ).toEqual({
      method: 'ultrasound',
      edd: '2024-09-27',
      datingLmp: '2023-12-22',
    });
    expect(datePregnancy({ lmp: '2024-01-01' }).method).toBe('lmp');
  });

  it('counts gestational age and shows it as "Nw Nd"', () => {
    expect(gestationalAgeDays('2023-12-31', '2024-01-01')).toBe(1);
    expect(formatGestationalAge(gestationalAgeDays('2024-01-01', '2024-03-31'))).toBe('12w 6d');
    expect(formatGestationalAge(0)).toBe('0w 0d');
  });

  it('refuses an LMP in the future or more than 44 weeks ago', () => {
    expect(() => gestationalAgeDays('2024-03-02', '2024-03-01')).toThrow(ClinicalInputError);
    expect(gestationalAgeDays('2023-04-28', '2024-03-01')).toBe(308);
    try {
      gestationalAgeDays('2023-04-27', '2024-03-01');
      expect.unreachable();
    } catch (e) {
      expect([(e as ClinicalInputError).field, (e as ClinicalInputError).code]).toEqual([
        'lmp',
        'out-of-range',
      ]);
    }
  });
});

describe('8-contact schedule', () => {
  it('dates the contacts at 12, 20, 26, 30, 34, 36, 38, 40 weeks', () => {
    const c = ancContactSchedule('2024-01-01');
    expect(c.map((x) => x.week)).toEqual([12, 20, 26, 30, 34, 36, 38, 40]);
    expect(c[0]).toEqual({ number: 1, week: 12, date: '2024-03-25' });
    expect(c[7]).toEqual({ number: 8, week: 40, date: '2024-10-07' });
  });

  it('next contact is the first whose week has not ended', () => {
    const lmp = '2024-01-01';
    expect(ancScheduleState({ lmp, on: '2024-03-31' }).nextContact?.number).toBe(1); // 12w6d
    expect(ancScheduleState({ lmp, on: '2024-04-01', visitDates: ['2024-03-20'] }).nextContact?.number).toBe(
      2,
    );
    expect(ancScheduleState({ lmp, on: '2024-10-13' }).nextContact?.number).toBe(8); // 40w6d
    expect(ancScheduleState({ lmp, on: '2024-10-14' }).nextContact).toBeNull();
  });

  it('puts her on the missed list 14 days after a contact week passed without a visit', () => {
    const lmp = '2024-01-01';
    // Contact 1's week ends at 12w6d (2024-03-31): overdue from 2024-04-01, missed from 2024-04-15.
    const overdue = ancScheduleState({ lmp, on: '2024-04-14' });
    expect(overdue.contacts[0]?.status).toBe('overdue');
    expect(overdue.onMissedList).toBe(false);
    const missed = ancScheduleState({ lmp, on: '2024-04-15' });
    expect(missed.contacts[0]).toMatchObject({ status: 'missed', missedFrom: '2024-04-15' });
    expect(missed.onMissedList).toBe(true);
    const cameBack = ancScheduleState({ lmp, on: '2024-04-20', visitDates: ['2024-04-16'] });
    expect(cameBack.contacts.slice(0, 2).map((c) => c.status)).toEqual(['missed', 'attended']);
    expect(cameBack.onMissedList).toBe(false);
    expect(() => ancScheduleState({ lmp, on: '2024-04-20', visitDates: ['2024-05-01'] })).toThrow(
      ClinicalInputError,
    );
  });

  it('lists postnatal contacts', () => {
    expect(postnatalContacts('2024-12-30').map((c) => [c.from, c.to])).toEqual([
      ['2024-12-30', '2024-12-31'],
      ['2025-01-01', '2025-01-02'],
      ['2025-01-06', '2025-01-13'],
      ['2025-02-10', '2025-02-10'],
    ]);
  });
});

describe('blood pressure flags (both readings must meet the threshold)', () => {
  const r = (systolic: number, diastolic: number) => ({ systolic, diastolic });
  it.each([
    [139, 89, 'normal'],
    [140, 80, 'hypertension'],
    [120, 90, 'hypertension'],
    [159, 109, 'hypertension'],
    [160, 100, 'severe'],
    [150, 110, 'severe'],
  ] as const)('%i/%i is %s', (s, d, level) => {
    expect(bpLevel(r(s, d))).toBe(level);
  });

  it.each([
    [r(140, 80), r(139, 80), 'normal'],
    [r(140, 80), r(141, 85), 'hypertension'],
    [r(160, 100), r(159, 100), 'hypertension'],
    [r(160, 100), r(165, 112), 'severe'],
    [r(139, 89), r(170, 115), 'normal'],
  ] as const)('%o then %o → %s', (first, repeat, level) => {
    expect(hypertensionFlags({ first, repeat }).level).toBe(level);
  });

  it('asks for a repeat when only the first reading is raised', () => {
    expect(hypertensionFlags({ first: r(150, 95), repeat: null })).toEqual({
      level: 'normal',
      preEclampsia: 'none',
      repeatNeeded: true,
    });
  });

  it('pre-eclampsia needs proteinuria ++; severe needs a severe symptom', () => {
    const bp = { first: r(145, 92), repeat: r(142, 91) };
    expect(hypertensionFlags({ ...bp, proteinuria: '+' }).preEclampsia).toBe('none');
    expect(hypertensionFlags({ ...bp, proteinuria: '++' }).preEclampsia).toBe('pre-eclampsia');
    expect(hypertensionFlags({ ...bp, symptoms: ['epigastric-pain'] }).preEclampsia).toBe(
      'severe-pre-eclampsia',
    );
    expect(
      hypertensionFlags({ first: r(130, 85), repeat: r(130, 85), proteinuria: '+++' }).preEclampsia,
    ).toBe('none');
  });

  it('refuses impossible readings', () => {
    expect(() => bpLevel(r(80, 90))).toThrow(ClinicalInputError);
    expect(() => bpLevel(r(400, 90))).toThrow(ClinicalInputError);
  });
});

describe('anaemia by gestational age', () => {
  it.each([
    [10.9, 84, 'anaemia'], // 12w0d
    [11.0, 90, 'none'], // 12w6d
    [10.9, 91, 'none'], // 13w0d
    [10.4, 91, 'anaemia'],
    [10.5, 195, 'none'], // 27w6d
    [10.4, 195, 'anaemia'],
    [10.9, 196, 'anaemia'], // 28w0d
    [11.0, 196, 'none'],
    [6.9, 150, 'severe'],
    [7.0, 150, 'anaemia'],
  ] as const)('Hb %f g/dL at %i days → %s', (hb, ga, level) => {
    expect(anaemia(hb, ga).level).toBe(level);
  });
});

describe('fasting glucose', () => {
  it.each([
    [91, 'mg/dL', 'normal'],
    [92, 'mg/dL', 'gdm'],
    [125, 'mg/dL', 'gdm'],
    [126, 'mg/dL', 'diabetes'],
    [5.0, 'mmol/L', 'normal'],
    [5.1, 'mmol/L', 'gdm'],
    [6.9, 'mmol/L', 'gdm'],
    [7.0, 'mmol/L', 'diabetes'],
  ] as const)('%f %s → %s', (value, unit, level) => {
    expect(fastingGlucoseLevel(value, unit)).toBe(level);
  });
  it('refuses a value in the wrong unit range', () => {
    expect(() => fastingGlucoseLevel(92, 'mmol/L')).toThrow(ClinicalInputError);
  });
});
