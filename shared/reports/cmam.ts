// The monthly CMAM report (A–F) for one programme and one calendar month, from plain episode facts.
import type { AdmissionType, ExitType } from '../clinical/nutrition/episodes';
import type { Programme } from '../clinical/nutrition/placement';
import type { IsoDate } from '../clinical/dates';
import type { ReportMonth } from './month';
import { inMonth } from './month';
import { disaggregate, type ReportColumn, type ReportRow, type ReportTable } from './table';
import { cmamIndicators } from './cmam-indicators';

export type CmamCriterion = 'muac' | 'whz' | 'oedema';

/** One stay in one programme, as the report needs it (whatever table holds it). */
export interface CmamEpisodeFact {
  id: string;
  patientId: string;
  programme: Programme;
  admissionDate: IsoDate;
  admissionType: AdmissionType;
  /** Every admission criterion that was met (MUAC, WHZ, oedema). */
  admissionCriteria: readonly CmamCriterion[];
  exitDate: IsoDate | null;
  exitType: ExitType | null;
  /** OTP↔SC, OTP→TSFP: an exit from this programme that is an entry into another one. */
  internalMove: boolean;
  sex: 'male' | 'female';
  ageMonthsAtAdmission: number;
  voided: boolean;
  /** Merged away into another episode (duplicate), never counted. */
  merged: boolean;
  /** Bilateral oedema at admission (weight gain is reported for non-oedematous children only). */
  oedemaAtAdmission: boolean;
  /** Lowest weight during the stay and its date; weight at exit. */
  minWeightKg: number | null;
  minWeightDate: IsoDate | null;
  exitWeightKg: number | null;
  /** RUTF sachets dispensed, by date of dispensing. */
  rutf: readonly { date: IsoDate; sachets: number }[];
  /** When the record was first entered and last changed (ISO instants; explain differences with a freeze). */
  recordedAt?: string;
  changedAt?: string;
}

export const CMAM_COLUMNS: readonly ReportColumn[] = [
  { key: 'total', label: 'reports.col.total' },
  { key: 'male', label: 'reports.col.male' },
  { key: 'female', label: 'reports.col.female' },
  { key: 'lt6', label: 'reports.col.lt6m' },
  { key: 'm6_23', label: 'reports.col.m6_23' },
  { key: 'm24_59', label: 'reports.col.m24_59' },
  { key: 'm60plus', label: 'reports.col.m60plus' },
];

/** Age band at admission: < 6, 6–23, 24–59 months (WHO/UNICEF CMAM reporting bands); 60+ shown apart. */
// WHO 2013 SAM guideline (6–59 months; infants < 6 months admitted to SC); UNICEF CMAM reporting guidance
export function cmamAgeBand(months: number): 'lt6' | 'm6_23' | 'm24_59' | 'm60plus' {
  if (months < 6) return 'lt6';
  if (months < 24) return 'm6_23';
  if (months < 60) return 'm24_59';
  return 'm60plus';
}

const columnsOf = (e: CmamEpisodeFact) => [e.sex, cmamAgeBand(e.ageMonthsAtAdmission)];

export const CMAM_EXIT_TYPES: readonly ExitType[] = [
  'cured',
  'died',
  'defaulted',
  'non-responder',
  'medical-transfer',
  'transfer-out',
  'moved-other',
];

/** "Several" when more than one criterion was met (WHO/UNICEF CMAM monthly report, row B by criterion). */
export function admissionCriterionOf(e: CmamEpisodeFact): CmamCriterion | 'several' | null {
  const unique = [...new Set(e.admissionCriteria)];
  if (unique.length === 0) return null;
  return unique.length === 1 ? (unique[0] as CmamCriterion) : 'several';
}

export interface CmamSets {
  A: CmamEpisodeFact[];
  C: CmamEpisodeFact[];
  E: CmamEpisodeFact[];
  F: CmamEpisodeFact[];
}

/** The exact sets A, C, E, F of a programme and month. */
// UNICEF/WHO CMAM monthly report: A start, C entries, E exits, F end; F = A + C − E
export function cmamSets(
  episodes: readonly CmamEpisodeFact[],
  programme: Programme,
  m: ReportMonth,
): CmamSets {
  const sets: CmamSets = { A: [], C: [], E: [], F: [] };
  for (const e of episodes) {
    // Voided and merged-away episodes never count.
    if (e.programme !== programme || e.voided || e.merged) continue;
    // A: admitted before the first day, still in on the first day (no exit, or exit on or after it).
    if (e.admissionDate < m.first && (e.exitDate === null || e.exitDate >= m.first)) sets.A.push(e);
    // C: admitted within the month.
    if (inMonth(e.admissionDate, m)) sets.C.push(e);
    // E: exited within the month.
    if (inMonth(e.exitDate, m)) sets.E.push(e);
    // F: admitted by the last day and not exited by it.
    if (e.admissionDate <= m.last && (e.exitDate === null || e.exitDate > m.last)) sets.F.push(e);
  }
  return sets;
}

export interface BalanceFailure {
  id: string;
  patientId: string;
  /** What is wrong with the record, in plain words. */
  problem: string;
}

/** F = A + C − E, checked record by record: the records on one side only are named. */
// UNICEF/WHO CMAM monthly report balance: total at end = start + entries − exits
export function cmamBalance(sets: CmamSets): { ok: boolean; failures: BalanceFailure[] } {
  const exits = new Set(sets.E.map((e) => e.id));
  const end = new Set(sets.F.map((e) => e.id));
  const expected = new Map<string, CmamEpisodeFact>();
  for (const e of [...sets.A, ...sets.C]) if (!exits.has(e.id)) expected.set(e.id, e);
  const failures: BalanceFailure[] = [];
  const problem = (e: CmamEpisodeFact, side: string) =>
    e.exitDate !== null && e.exitDate < e.admissionDate
      ? `exit ${e.exitDate} is before admission ${e.admissionDate}`
      : side;
  for (const [id, e] of expected) {
    if (!end.has(id))
      failures.push({ id, patientId: e.patientId, problem: problem(e, 'in A + C − E, not in F') });
  }
  for (const e of sets.F) {
    if (!expected.has(e.id))
      failures.push({ id: e.id, patientId: e.patientId, problem: problem(e, 'in F, not in A + C − E') });
  }
  // A stay that ends before it starts is refused at entry: if one is here, it is named even when it balances.
  const named = new Set(failures.map((f) => f.id));
  for (const e of new Set([...sets.A, ...sets.C, ...sets.E, ...sets.F])) {
    if (!named.has(e.id) && e.exitDate !== null && e.exitDate < e.admissionDate) {
      named.add(e.id);
      failures.push({ id: e.id, patientId: e.patientId, problem: problem(e, '') });
    }
  }
  // Exits counted that were never in (exit in the month, admission after it or exit before admission).
  const inside = new Set([...sets.A, ...sets.C].map((e) => e.id));
  for (const e of sets.E) {
    if (!inside.has(e.id))
      failures.push({ id: e.id, patientId: e.patientId, problem: problem(e, 'in E, not in A or C') });
  }
  return { ok: failures.length === 0, failures };
}

export interface CmamReport {
  programme: Programme;
  month: string;
  tables: ReportTable[];
  balance: { ok: boolean; failures: BalanceFailure[] };
  rutfSachets: number;
}

const row = (key: string, label: string, list: readonly CmamEpisodeFact[], level = 0): ReportRow => ({
  key,
  label,
  level,
  cells: disaggregate(list, CMAM_COLUMNS, columnsOf),
});

/** The A–F table, the indicators beside Sphere, and RUTF dispensed for one programme and month. */
export function cmamReport(
  episodes: readonly CmamEpisodeFact[],
  programme: Programme,
  m: ReportMonth,
): CmamReport {
  const sets = cmamSets(episodes, programme, m);
  const newBy = (c: CmamCriterion | 'several') =>
    sets.C.filter((e) => e.admissionType === 'new' && admissionCriterionOf(e) === c);
  const entriesOf = (t: AdmissionType) => sets.C.filter((e) => e.admissionType === t);
  const rows: ReportRow[] = [
    row('A', 'reports.cmam.A', sets.A),
    row('B_new', 'reports.cmam.B_new', entriesOf('new'), 1),
    row('B_new_muac', 'reports.cmam.B_muac', newBy('muac'), 2),
    row('B_new_whz', 'reports.cmam.B_whz', newBy('whz'), 2),
    row('B_new_oedema', 'reports.cmam.B_oedema', newBy('oedema'), 2),
    row('B_new_several', 'reports.cmam.B_several', newBy('several'), 2),
    row('B_relapse', 'reports.cmam.B_relapse', entriesOf('relapse'), 1),
    row('B_readmission', 'reports.cmam.B_readmission', entriesOf('readmission'), 1),
    row('B_transfer_in', 'reports.cmam.B_transfer_in', entriesOf('transfer-in'), 1),
    row('C', 'reports.cmam.C', sets.C),
    ...CMAM_EXIT_TYPES.map((t) =>
      row(
        `D_${t}`,
        `reports.cmam.D_${t.replace(/-/g, '_')}`,
        sets.E.filter((e) => e.exitType === t),
        1,
      ),
    ),
    row('E', 'reports.cmam.E', sets.E),
    row('F', 'reports.cmam.F', sets.F),
  ];
  // RUTF: sachets dispensed within the month to the episodes present in it (A or C).
  let rutfSachets = 0;
  for (const e of new Set([...sets.A, ...sets.C])) {
    for (const d of e.rutf) if (inMonth(d.date, m)) rutfSachets += d.sachets;
  }
  return {
    programme,
    month: m.month,
    tables: [
      { id: 'cmam', title: 'reports.cmam.title', columns: [...CMAM_COLUMNS], rows, kind: 'count' },
      cmamIndicators(sets.E, programme, rutfSachets),
    ],
    balance: cmamBalance(sets),
    rutfSachets,
  };
}
