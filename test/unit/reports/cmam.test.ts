import { describe, expect, it } from 'vitest';
import {
  cmamReport,
  cmamSets,
  cmamBalance,
  reportMonth,
  weightGain,
  findCell,
  type CmamReport,
} from '../../../shared/reports';
import { MARCH, ep } from './cmam-fixture';

const march = reportMonth('2026-03');
const value = (r: CmamReport, row: string, col = 'total') => findCell(r.tables, `cmam/${row}/${col}`)?.value;
const refs = (r: CmamReport, row: string, col = 'total') => findCell(r.tables, `cmam/${row}/${col}`)?.refs;
const ind = (r: CmamReport, row: string, col = 'value') => findCell(r.tables, `indicators/${row}/${col}`);

describe('CMAM monthly report (A–F exact sets)', () => {
  const otp = cmamReport(MARCH, 'OTP', march);

  it('counts A, C, E and F from the exact sets', () => {
    expect(refs(otp, 'A')).toEqual(['e01', 'e02', 'e07', 'e12', 'e16', 'e17', 'e19']);
    expect(refs(otp, 'C')).toEqual(['e03', 'e04', 'e05', 'e09', 'e10', 'e11', 'e15', 'e20']);
    expect(refs(otp, 'E')).toEqual(['e02', 'e05', 'e07', 'e12', 'e15', 'e16', 'e17', 'e19', 'e20']);
    expect(refs(otp, 'F')).toEqual(['e01', 'e03', 'e04', 'e09', 'e10', 'e11']);
    expect(otp.balance).toEqual({ ok: true, failures: [] });
    expect(value(otp, 'A')! + value(otp, 'C')! - value(otp, 'E')!).toBe(value(otp, 'F'));
  });

  it('splits entries by admission type and new admissions by criterion', () => {
    expect(value(otp, 'B_new')).toBe(5);
    expect(refs(otp, 'B_new_muac')).toEqual(['e15', 'e20']);
    expect(refs(otp, 'B_new_whz')).toEqual(['e03']);
    expect(refs(otp, 'B_new_oedema')).toEqual(['e04']);
    expect(refs(otp, 'B_new_several')).toEqual(['e05']);
    expect(refs(otp, 'B_relapse')).toEqual(['e09']);
    expect(refs(otp, 'B_readmission')).toEqual(['e10']);
    expect(refs(otp, 'B_transfer_in')).toEqual(['e11']);
  });

  it('splits exits by type, first and last day of the month included', () => {
    expect(refs(otp, 'D_cured')).toEqual(['e02', 'e17', 'e19']); // e02 exits on 1 March
    expect(refs(otp, 'D_defaulted')).toEqual(['e07']); // exits on 31 March
    expect(refs(otp, 'D_died')).toEqual(['e05']);
    expect(refs(otp, 'D_non-responder')).toEqual(['e16']);
    expect(refs(otp, 'D_medical-transfer')).toEqual(['e12']);
    expect(refs(otp, 'D_transfer-out')).toEqual(['e15']);
    expect(refs(otp, 'D_moved-other')).toEqual(['e20']);
  });

  it('never counts voided or merged-away episodes, nor stays outside the month', () => {
    const all = otp.tables[0]!.rows.flatMap((r) => r.cells.total?.refs ?? []);
    for (const id of ['e06', 'e08', 'e13', 'e14', 'e18', 'e12sc']) expect(all).not.toContain(id);
  });

  it('disaggregates by sex and age band at admission (6 → 6–23, 24 → 24–59, 59 → 24–59)', () => {
    expect([value(otp, 'A', 'male'), value(otp, 'A', 'female')]).toEqual([3, 4]);
    expect([value(otp, 'A', 'm6_23'), value(otp, 'A', 'm24_59'), value(otp, 'A', 'lt6')]).toEqual([2, 5, 0]);
    expect([value(otp, 'C', 'male'), value(otp, 'C', 'female')]).toEqual([5, 3]);
    expect([value(otp, 'C', 'm6_23'), value(otp, 'C', 'm24_59')]).toEqual([5, 3]);
    for (const row of ['A', 'C', 'E', 'F']) {
      expect(value(otp, row, 'male')! + value(otp, row, 'female')!).toBe(value(otp, row));
      const bands = ['lt6', 'm6_23', 'm24_59', 'm60plus'].map((b) => value(otp, row, b)!);
      expect(bands.reduce((a, b) => a + b)).toBe(value(otp, row));
    }
  });

  it('shows the internal move in both programmes, as a transfer in to SC', () => {
    const sc = cmamReport(MARCH, 'SC', march);
    expect(refs(sc, 'B_transfer_in')).toEqual(['e12sc']);
    expect([value(sc, 'A'), value(sc, 'C'), value(sc, 'E'), value(sc, 'F')]).toEqual([0, 1, 0, 1]);
    expect(value(cmamReport(MARCH, 'TSFP', march), 'C')).toBe(1);
  });

  it('computes rates over performance exits only (internal moves, transfers out, moved excluded)', () => {
    // cured 3, died 1, defaulted 1, non-responder 1; the internal medical transfer is not an outcome.
    expect(ind(otp, 'cure', 'denominator')?.refs).toEqual(['e02', 'e05', 'e07', 'e16', 'e17', 'e19']);
    expect(ind(otp, 'cure')).toEqual({ value: 50, meets: false });
    expect(ind(otp, 'death')).toEqual({ value: 16.7, meets: false });
    expect(ind(otp, 'default')).toEqual({ value: 16.7, meets: false });
    expect(ind(otp, 'nonResponse')).toEqual({ value: 16.7, meets: null });
    expect(ind(otp, 'medicalTransfer')).toEqual({ value: 0, meets: null });
    const thresholds = otp.tables[1]!.rows.map((r) => [r.key, r.threshold?.percent ?? null]);
    expect(thresholds.slice(0, 3)).toEqual([
      ['cure', 75],
      ['death', 10],
      ['default', 15],
    ]);
  });

  it('meets Sphere when cure > 75 %, death < 10 %, default < 15 %, and TSFP death < 3 %', () => {
    const cured = Array.from({ length: 19 }, (_, i) =>
      ep(`c${i}`, { admissionDate: '2026-02-01', ...{ exitDate: '2026-03-05', exitType: 'cured' } }),
    );
    const died = ep('d', { admissionDate: '2026-02-01', exitDate: '2026-03-05', exitType: 'died' });
    const otpGood = cmamReport([...cured, died], 'OTP', march);
    expect(ind(otpGood, 'cure')).toEqual({ value: 95, meets: true });
    expect(ind(otpGood, 'death')).toEqual({ value: 5, meets: true });
    expect(ind(otpGood, 'default')).toEqual({ value: 0, meets: true });
    const tsfp = cmamReport(
      [...cured, died].map((e) => ({ ...e, programme: 'TSFP' as const })),
      'TSFP',
      march,
    );
    expect(ind(tsfp, 'death')).toEqual({ value: 5, meets: false });
    expect(ind(cmamReport([], 'OTP', march), 'cure')).toEqual({ value: null, meets: null });
  });

  it('averages length of stay and weight gain of cured (non-oedematous) children', () => {
    // Stays 14, 21, 23 days → 19.3; gains e02 7.14, e19 4.35 g/kg/day (e17 had oedema) → 5.7.
    expect(ind(otp, 'alos')?.value).toBe(19.3);
    expect(weightGain(MARCH.find((e) => e.id === 'e02')!)).toBeCloseTo(7.142857, 5);
    expect(ind(otp, 'weightGain')).toEqual({ value: 5.7 });
    expect(ind(otp, 'weightGain', 'numerator')?.refs).toEqual(['e02', 'e19']);
  });

  it('sums RUTF dispensed in the month to children present in it', () => {
    // e01 14 (1 March; not 25 Feb), e03 18 (31 March); not the voided e13 nor e06, exited in February.
    expect(otp.rutfSachets).toBe(32);
    expect(ind(otp, 'rutf')?.value).toBe(32);
  });

  it('names the records that break F = A + C − E and says why', () => {
    const bad = ep('bad', { admissionDate: '2026-03-10', exitDate: '2026-02-20', exitType: 'cured' });
    const same = ep('same', { admissionDate: '2026-03-10', exitDate: '2026-03-05', exitType: 'cured' });
    const r = cmamReport([...MARCH, bad, same], 'OTP', march);
    expect(r.balance.ok).toBe(false);
    expect(r.balance.failures).toEqual([
      { id: 'bad', patientId: 'p-bad', problem: 'exit 2026-02-20 is before admission 2026-03-10' },
      { id: 'same', patientId: 'p-same', problem: 'exit 2026-03-05 is before admission 2026-03-10' },
    ]);
    // A tampered set (a bug in a query) is caught too.
    const sets = cmamSets(MARCH, 'OTP', march);
    const broken = cmamBalance({ ...sets, F: sets.F.slice(1) });
    expect(broken.failures).toEqual([{ id: 'e01', patientId: 'p-e01', problem: 'in A + C − E, not in F' }]);
  });

  it('changes the live report when a back-dated admission is entered in April', () => {
    const late = ep('late', { admissionDate: '2026-03-15', recordedAt: '2026-04-10T09:00:00.000Z' });
    const r = cmamReport([...MARCH, late], 'OTP', march);
    expect(value(r, 'C')).toBe(9);
    expect(value(r, 'F')).toBe(7);
    expect(r.balance.ok).toBe(true);
  });
});
