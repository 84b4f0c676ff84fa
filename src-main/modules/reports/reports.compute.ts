// Computes a named report for a month from the fact source, with what drill-down and freezing need: each
// record's patient and its entry/correction times.
import type { Programme } from '../../../shared/clinical/nutrition/placement';
import { VISIT_TYPES } from '../../../shared/contract/channels/visits';
import type { ReportName } from '../../../shared/contract/channels/reports';
import {
  ancReport,
  cmamReport,
  findCell,
  programmeReport,
  reportMonth,
  trailingMonths,
  visitReport,
  type BalanceFailure,
  type ReportTable,
} from '../../../shared/reports';
import { sqlFactSource, type OpenDb, type ReportFactSource } from './facts';

export interface FactInfo {
  patientId: string;
  voided: boolean;
  recordedAt?: string;
  changedAt?: string;
}

export interface ComputedReport {
  report: ReportName;
  month: string;
  tables: ReportTable[];
  balance: { ok: boolean; failures: BalanceFailure[] };
  /** Every record the report read (counted or not), by id. */
  facts: Map<string, FactInfo>;
}

const programmeOf = (name: ReportName): Programme | null =>
  name.startsWith('cmam-') ? (name.slice(5) as Programme) : null;

const info = (f: {
  patientId: string;
  voided: boolean;
  recordedAt?: string;
  changedAt?: string;
}): FactInfo => ({
  patientId: f.patientId,
  voided: f.voided,
  ...(f.recordedAt ? { recordedAt: f.recordedAt } : {}),
  ...(f.changedAt ? { changedAt: f.changedAt } : {}),
});

/** One report of one month. The range read is the month (several months for trends: see reportTrends). */
export function computeReport(
  open: OpenDb,
  report: ReportName,
  month: string,
  source: ReportFactSource = sqlFactSource,
): ComputedReport {
  const m = reportMonth(month);
  const ok = { ok: true, failures: [] as BalanceFailure[] };
  const programme = programmeOf(report);
  if (programme) {
    const episodes = source.cmamEpisodes(open, m);
    const r = cmamReport(episodes, programme, m);
    return {
      report,
      month,
      tables: r.tables,
      balance: r.balance,
      facts: new Map(episodes.map((e) => [e.id, info(e)])),
    };
  }
  if (report === 'anc') {
    const { pregnancies, contacts } = source.ancFacts(open, m);
    return {
      report,
      month,
      tables: ancReport(pregnancies, contacts, m).tables,
      balance: ok,
      facts: new Map(pregnancies.map((p) => [p.id, info(p)])),
    };
  }
  if (report === 'visits') {
    const visits = source.visits(open, m);
    return {
      report,
      month,
      tables: visitReport(visits, VISIT_TYPES, m).tables,
      balance: ok,
      facts: new Map(visits.map((v) => [v.id, info(v)])),
    };
  }
  const enrolments = source.enrolments(open, m);
  return {
    report,
    month,
    tables: programmeReport(enrolments, m).tables,
    balance: ok,
    facts: new Map(enrolments.map((e) => [e.id, info(e)])),
  };
}

export interface TrendSeries {
  key: string;
  label: string;
  kind: 'count' | 'rate';
  values: (number | null)[];
  threshold?: number;
}

/** Which cells each report charts over 12 months. */
const TREND_CELLS: Record<'cmam' | 'anc', { key: string; cell: string; kind: 'count' | 'rate' }[]> = {
  cmam: [
    { key: 'admissions', cell: 'cmam/C/total', kind: 'count' },
    { key: 'caseload', cell: 'cmam/F/total', kind: 'count' },
    { key: 'cured', cell: 'cmam/D_cured/total', kind: 'count' },
    { key: 'died', cell: 'cmam/D_died/total', kind: 'count' },
    { key: 'defaulted', cell: 'cmam/D_defaulted/total', kind: 'count' },
    { key: 'non-responder', cell: 'cmam/D_non-responder/total', kind: 'count' },
    { key: 'cure', cell: 'indicators/cure/value', kind: 'rate' },
    { key: 'death', cell: 'indicators/death/value', kind: 'rate' },
    { key: 'default', cell: 'indicators/default/value', kind: 'rate' },
  ],
  anc: [
    { key: 'anc1', cell: 'anc/anc1/total', kind: 'count' },
    { key: 'anc1_12w', cell: 'anc/anc1_12w/total', kind: 'count' },
    { key: 'anc4', cell: 'anc/anc4/total', kind: 'count' },
    { key: 'anc8', cell: 'anc/anc8/total', kind: 'count' },
  ],
};

/** 12-month trends: facts read once for the whole period, then tallied month by month. */
export function reportTrends(
  open: OpenDb,
  report: ReportName,
  month: string,
  source: ReportFactSource = sqlFactSource,
): { months: string[]; series: TrendSeries[] } {
  const months = trailingMonths(month, 12);
  const range = { first: reportMonth(months[0]!).first, last: reportMonth(month).last };
  const programme = programmeOf(report);
  let tablesOf: (m: string) => ReportTable[];
  let cells: (typeof TREND_CELLS)['cmam'];
  if (programme) {
    const episodes = source.cmamEpisodes(open, range, 'counts');
    tablesOf = (m) => cmamReport(episodes, programme, reportMonth(m)).tables;
    cells = TREND_CELLS.cmam;
  } else if (report === 'anc') {
    const { pregnancies, contacts } = source.ancFacts(open, range);
    tablesOf = (m) => ancReport(pregnancies, contacts, reportMonth(m)).tables;
    cells = TREND_CELLS.anc;
  } else {
    const visits = source.visits(open, range);
    tablesOf = (m) => visitReport(visits, VISIT_TYPES, reportMonth(m)).tables;
    cells = [{ key: 'visits', cell: 'visitTypes/all/total', kind: 'count' }];
  }
  const perMonth = months.map(tablesOf);
  const thresholds: Record<string, number> = { cure: 75, death: programme === 'TSFP' ? 3 : 10, default: 15 };
  return {
    months,
    series: cells.map((c) => ({
      key: c.key,
      label: `reports.trend.${c.key.replace(/-/g, '_')}`,
      kind: c.kind,
      values: perMonth.map((t) => findCell(t, c.cell)?.value ?? null),
      ...(thresholds[c.key] !== undefined && c.kind === 'rate' ? { threshold: thresholds[c.key]! } : {}),
    })),
  };
}
