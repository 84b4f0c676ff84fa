// The facility visit summary: visits by type and the top diagnoses, by age group and sex.
import type { IsoDate } from '../clinical/dates';
import type { ReportMonth } from './month';
import { inMonth } from './month';
import { disaggregate, type ReportColumn, type ReportRow, type ReportTable } from './table';

export interface VisitFact {
  id: string;
  patientId: string;
  visitDate: IsoDate;
  type: string;
  sex: 'male' | 'female';
  /** Completed years of age at the visit. */
  ageYears: number;
  diagnoses: readonly { text: string; icd10: string }[];
  voided: boolean;
  merged?: boolean;
  recordedAt?: string;
  changedAt?: string;
}

export const VISIT_COLUMNS: readonly ReportColumn[] = [
  { key: 'total', label: 'reports.col.total' },
  { key: 'male', label: 'reports.col.male' },
  { key: 'female', label: 'reports.col.female' },
  { key: 'lt1', label: 'reports.col.lt1y' },
  { key: 'y1_4', label: 'reports.col.y1_4' },
  { key: 'y5_14', label: 'reports.col.y5_14' },
  { key: 'y15_49', label: 'reports.col.y15_49' },
  { key: 'y50plus', label: 'reports.col.y50plus' },
];

/** Age groups < 1, 1–4, 5–14, 15–49, 50+ years. */
// WHO/DHIS2 HMIS outpatient age groups (under-1, 1–4, 5–14, 15–49 reproductive age, 50+)
export function visitAgeGroup(years: number): string {
  if (years < 1) return 'lt1';
  if (years < 5) return 'y1_4';
  if (years < 15) return 'y5_14';
  if (years < 50) return 'y15_49';
  return 'y50plus';
}

const columnsOf = (v: VisitFact) => [v.sex, visitAgeGroup(v.ageYears)];

/** The diagnosis a visit counts under: its ICD-10 code, or its text when not coded (case-insensitive). */
export function diagnosisKey(d: { text: string; icd10: string }): { key: string; label: string } {
  if (d.icd10) return { key: `icd:${d.icd10}`, label: `${d.icd10} ${d.text}`.trim() };
  const text = d.text.trim().replace(/\s+/g, ' ');
  return { key: `text:${text.toLocaleLowerCase()}`, label: text };
}

export interface VisitReport {
  month: string;
  tables: ReportTable[];
}

export function visitReport(
  visits: readonly VisitFact[],
  types: readonly string[],
  m: ReportMonth,
  top = 10,
): VisitReport {
  const inside = visits.filter((v) => !v.voided && !v.merged && inMonth(v.visitDate, m));
  const typeRows: ReportRow[] = types.map((t) => ({
    key: t,
    label: `visits.type.${t.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`,
    cells: disaggregate(
      inside.filter((v) => v.type === t),
      VISIT_COLUMNS,
      columnsOf,
    ),
  }));
  typeRows.push({
    key: 'all',
    label: 'reports.visits.all',
    cells: disaggregate(inside, VISIT_COLUMNS, columnsOf),
  });
  // A visit counts once per distinct diagnosis it records.
  const groups = new Map<string, { label: string; visits: VisitFact[] }>();
  for (const v of inside) {
    const seen = new Set<string>();
    for (const d of v.diagnoses) {
      const { key, label } = diagnosisKey(d);
      if (seen.has(key) || label === '') continue;
      seen.add(key);
      const g = groups.get(key) ?? { label, visits: [] };
      g.visits.push(v);
      groups.set(key, g);
    }
  }
  const ranked = [...groups.entries()]
    .sort((a, b) => b[1].visits.length - a[1].visits.length || (a[0] < b[0] ? -1 : 1))
    .slice(0, top);
  const diagnosisRows: ReportRow[] = ranked.map(([key, g]) => ({
    key,
    label: g.label,
    literal: true,
    cells: disaggregate(g.visits, VISIT_COLUMNS, columnsOf),
  }));
  return {
    month: m.month,
    tables: [
      {
        id: 'visitTypes',
        title: 'reports.visits.byType',
        columns: [...VISIT_COLUMNS],
        rows: typeRows,
        kind: 'count',
      },
      {
        id: 'diagnoses',
        title: 'reports.visits.topDiagnoses',
        columns: [...VISIT_COLUMNS],
        rows: diagnosisRows,
        kind: 'count',
      },
    ],
  };
}
