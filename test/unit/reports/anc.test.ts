import { describe, expect, it } from 'vitest';
import {
  ancReport,
  findCell,
  motherAgeGroup,
  reportMonth,
  type AncContactFact,
  type AncPregnancyFact,
} from '../../../shared/reports';

const march = reportMonth('2026-03');

const preg = (id: string, over: Partial<AncPregnancyFact>): AncPregnancyFact => ({
  id,
  patientId: `p-${id}`,
  lmp: '2026-01-01',
  edd: '2026-10-08',
  motherAgeYears: 27,
  outcomeDate: null,
  outcomeType: null,
  voided: false,
  merged: false,
  ...over,
});
let n = 0;
const contact = (pregnancyId: string, date: string, over: Partial<AncContactFact> = {}): AncContactFact => ({
  id: `c${++n}`,
  pregnancyId,
  date,
  gaDays: null,
  iptpDose: null,
  tdDose: null,
  hbGdl: null,
  hypertension: false,
  referred: false,
  voided: false,
  ...over,
});

// LMP 1 Jan 2026: 12w6d on 26 March (ANC1 ≤ 12 weeks), 13w0d on 2 April.
const pregnancies = [
  preg('a', { motherAgeYears: 14 }), // ANC1 1 March at 8w4d, Hb 10.8 at 8 weeks → anaemic
  preg('b', { motherAgeYears: 19, lmp: '2025-12-01' }), // ANC1 31 March at 17w1d: not ≤ 12 weeks
  preg('c', { motherAgeYears: 20, lmp: '2025-06-01', outcomeDate: '2026-03-01', outcomeType: 'live-birth' }),
  preg('d', { motherAgeYears: 24, lmp: '2025-06-20', outcomeDate: '2026-03-31', outcomeType: 'stillbirth' }),
  preg('e', { motherAgeYears: 30, lmp: '2025-07-01', outcomeDate: '2026-03-15', outcomeType: 'miscarriage' }),
  preg('f', { motherAgeYears: 35, lmp: '2025-12-20' }), // first contact in February: not ANC1 in March
  preg('g', { voided: true }),
  preg('h', { merged: true }),
  preg('i', { motherAgeYears: 25, outcomeDate: '2026-04-01', outcomeType: 'live-birth', lmp: '2025-07-01' }),
];
const contacts = [
  contact('a', '2026-03-01', { hbGdl: 10.8, tdDose: 1 }),
  contact('a', '2026-03-26', { hbGdl: 6.5, hypertension: true, referred: true }),
  contact('b', '2026-03-31', { hbGdl: 10.7 }), // 17 weeks: threshold 10.5 → not anaemic
  contact('b', '2026-03-10', { voided: true }), // a voided earlier contact does not make ANC1 earlier
  ...['2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-05', '2026-01-20', '2026-02-10'].map(
    (d) => contact('c', d),
  ),
  contact('c', '2026-02-25', { iptpDose: 3, tdDose: 2 }), // doses given in February: not March
  contact('c', '2026-03-02'), // after the delivery: not counted in 4+/8+
  ...['2025-09-10', '2025-11-10', '2026-01-10'].map((d) => contact('d', d)),
  contact('d', '2026-03-20', { iptpDose: 3, tdDose: 2 }),
  ...['2025-09-10', '2025-10-10', '2025-11-10', '2025-12-10', '2026-01-10', '2026-02-10', '2026-03-01'].map(
    (d) => contact('e', d),
  ),
  contact('e', '2026-03-14', { iptpDose: 4 }),
  contact('f', '2026-02-10'),
  contact('f', '2026-03-05', { tdDose: 3, hbGdl: 12 }),
  contact('g', '2026-03-05'),
  contact('h', '2026-03-05'),
  contact('i', '2026-03-05', { iptpDose: 2 }),
];

describe('ANC monthly report', () => {
  const r = ancReport(pregnancies, contacts, march);
  const refs = (row: string, col = 'total') => findCell(r.tables, `anc/${row}/${col}`)?.refs;

  it('counts first contacts in the month and those within 12 weeks', () => {
    // i's only contact (5 March, at 35 weeks) is its first.
    expect(refs('anc1')).toEqual(['a', 'b', 'i']);
    expect(refs('anc1_12w')).toEqual(['a']);
  });

  it('counts 4+ and 8+ contacts among pregnancies closed in the month, up to the outcome', () => {
    expect(refs('closed')).toEqual(['c', 'd', 'e']); // 1 and 31 March; i closes in April
    expect(refs('anc4')).toEqual(['c', 'd', 'e']);
    expect(refs('anc8')).toEqual(['c', 'e']); // c has 8 before delivery (9th after), e 8 contacts
    expect(refs('deliveries')).toEqual(['c', 'd']); // the miscarriage is not a delivery
  });

  it('counts IPTp3+ and Td2+ given in the month', () => {
    expect(refs('iptp3')).toEqual(['d', 'e']);
    expect(refs('td2')).toEqual(['d', 'f']);
  });

  it('counts Hb tested, anaemia by gestational age, severe anaemia, hypertension and referrals', () => {
    expect(refs('hbTested')).toEqual(['a', 'b', 'f']);
    expect(refs('anaemic')).toEqual(['a']);
    expect(refs('severeAnaemia')).toEqual(['a']);
    expect(refs('hypertension')).toEqual(['a']);
    expect(refs('referred')).toEqual(['a']);
  });

  it('disaggregates by mother age group 10–14, 15–19, 20–24, 25+', () => {
    expect([14, 15, 19, 20, 24, 25, 44].map(motherAgeGroup)).toEqual([
      'y10_14',
      'y15_19',
      'y15_19',
      'y20_24',
      'y20_24',
      'y25plus',
      'y25plus',
    ]);
    expect(refs('anc1', 'y10_14')).toEqual(['a']);
    expect(refs('anc1', 'y15_19')).toEqual(['b']);
    expect(refs('closed', 'y20_24')).toEqual(['c', 'd']);
    expect(refs('closed', 'y25plus')).toEqual(['e']);
  });

  it('never counts voided or merged pregnancies, nor voided contacts', () => {
    const everything = r.tables[0]!.rows.flatMap((row) => row.cells.total?.refs ?? []);
    expect(everything).not.toContain('g');
    expect(everything).not.toContain('h');
  });
});
