import { describe, expect, it } from 'vitest';
import {
  BOM,
  compareSnapshot,
  escapeFormula,
  explainChange,
  findCell,
  reportMonth,
  shiftMonth,
  snapshotCells,
  tablesCsv,
  toCsv,
  trailingMonths,
  visitReport,
  cmamReport,
  type VisitFact,
} from '../../../shared/reports';
import { MARCH, ep } from './cmam-fixture';

const march = reportMonth('2026-03');

describe('report months', () => {
  it('knows the last day of each month, leap years included, and rejects bad months', () => {
    expect(reportMonth('2028-02')).toEqual({ month: '2028-02', first: '2028-02-01', last: '2028-02-29' });
    expect(reportMonth('2026-02').last).toBe('2026-02-28');
    expect(reportMonth('2026-04').last).toBe('2026-04-30');
    expect(() => reportMonth('2026-13')).toThrow(/YYYY-MM/);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(trailingMonths('2026-03', 12)[0]).toBe('2025-04');
  });
});

describe('visit summary', () => {
  const v = (id: string, over: Partial<VisitFact>): VisitFact => ({
    id,
    patientId: `p-${id}`,
    visitDate: '2026-03-10',
    type: 'consultation',
    sex: 'female',
    ageYears: 30,
    diagnoses: [],
    voided: false,
    ...over,
  });
  const visits = [
    v('v1', { diagnoses: [{ text: 'Malaria', icd10: 'B54' }], ageYears: 0, sex: 'male' }),
    v('v2', {
      diagnoses: [
        { text: 'Paludisme', icd10: 'B54' },
        { text: 'Malaria again', icd10: 'B54' },
      ],
      ageYears: 4,
    }),
    v('v3', {
      diagnoses: [{ text: 'Diarrhoea ', icd10: '' }],
      ageYears: 14,
      visitDate: '2026-03-31',
      type: 'follow-up',
    }),
    v('v4', { diagnoses: [{ text: 'diarrhoea', icd10: '' }], ageYears: 50, visitDate: '2026-03-01' }),
    v('v5', { voided: true, diagnoses: [{ text: 'Malaria', icd10: 'B54' }] }),
    v('v6', { visitDate: '2026-04-01', diagnoses: [{ text: 'Malaria', icd10: 'B54' }] }),
  ];
  const r = visitReport(visits, ['consultation', 'follow-up'], march);

  it('counts visits by type, age group and sex, excluding voided and other months', () => {
    expect(findCell(r.tables, 'visitTypes/consultation/total')?.refs).toEqual(['v1', 'v2', 'v4']);
    expect(findCell(r.tables, 'visitTypes/follow-up/total')?.value).toBe(1);
    expect(findCell(r.tables, 'visitTypes/all/lt1')?.refs).toEqual(['v1']);
    expect(findCell(r.tables, 'visitTypes/all/y1_4')?.refs).toEqual(['v2']);
    expect(findCell(r.tables, 'visitTypes/all/y5_14')?.refs).toEqual(['v3']);
    expect(findCell(r.tables, 'visitTypes/all/y50plus')?.refs).toEqual(['v4']);
    expect(findCell(r.tables, 'visitTypes/all/male')?.value).toBe(1);
  });

  it('ranks diagnoses by ICD-10 code (or text), a visit counting once per diagnosis', () => {
    const rows = r.tables[1]!.rows.map((row) => [row.key, row.cells.total?.value]);
    expect(rows).toEqual([
      ['icd:B54', 2],
      ['text:diarrhoea', 2],
    ]);
  });
});

describe('CSV', () => {
  it('starts with a byte-order mark and makes formula-like text inert', () => {
    const csv = toCsv([
      ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tTab', '\rCR', 'Aïssatou, "Mme"', -3, null],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1),'\tTab,"'\rCR","Aïssatou, ""Mme""",-3,\r\n`,
    );
    expect(escapeFormula('Fatoumata')).toBe('Fatoumata');
  });

  it('writes report tables with translated labels and literal diagnosis names', () => {
    const r = cmamReport(MARCH, 'OTP', march);
    const csv = tablesCsv(r.tables.slice(0, 1), (k) => `<${k}>`);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '<reports.cmam.title>,<reports.col.total>,<reports.col.male>,<reports.col.female>,<reports.col.lt6m>,<reports.col.m6_23>,<reports.col.m24_59>,<reports.col.m60plus>',
    );
    expect(lines[1]).toBe('<reports.cmam.A>,7,3,4,0,2,5,0');
  });
});

describe('frozen snapshots', () => {
  it('names each number that changed and the records behind the change, with why', () => {
    const frozenAt = '2026-04-05T10:00:00.000Z';
    const frozen = snapshotCells(cmamReport(MARCH, 'OTP', march).tables);
    const late = ep('late', { admissionDate: '2026-03-20', recordedAt: '2026-04-10T08:00:00.000Z' });
    const changed = MARCH.map((e) =>
      e.id === 'e09' ? { ...e, voided: true, changedAt: '2026-04-09T08:00:00.000Z' } : e,
    );
    const facts = new Map([...changed, late].map((e) => [e.id, e]));
    const diff = compareSnapshot(frozen, cmamReport([...changed, late], 'OTP', march).tables, (id) =>
      explainChange(facts.get(id), frozenAt),
    );
    const at = (key: string) => diff.find((d) => d.key === key);
    // The voided relapse leaves and the back-dated new admission arrives: C and F stay at 8 and 6.
    expect(at('cmam/C/total')).toBeUndefined();
    expect(at('cmam/F/total')).toBeUndefined();
    expect(at('cmam/B_relapse/total')).toEqual({
      key: 'cmam/B_relapse/total',
      frozen: 1,
      live: 0,
      records: [{ id: 'e09', direction: 'removed', reason: 'voided-after' }],
    });
    expect(at('cmam/B_new_muac/total')).toEqual({
      key: 'cmam/B_new_muac/total',
      frozen: 2,
      live: 3,
      records: [{ id: 'late', direction: 'added', reason: 'entered-after' }],
    });
    expect(diff.map((d) => d.key).sort()).toEqual(
      [
        'cmam/B_new/total',
        'cmam/B_new/male',
        'cmam/B_new/m6_23',
        'cmam/B_new_muac/total',
        'cmam/B_new_muac/male',
        'cmam/B_new_muac/m6_23',
        'cmam/B_relapse/total',
        'cmam/B_relapse/male',
        'cmam/B_relapse/m6_23',
      ].sort(),
    );
  });
});
