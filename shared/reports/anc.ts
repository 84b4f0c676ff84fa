// The monthly ANC report from plain pregnancy and contact facts (WHO 2016 ANC model indicators).
import { anaemia } from '../clinical/pregnancy/flags';
import { gestationalAgeDays } from '../clinical/pregnancy/dating';
import type { IsoDate } from '../clinical/dates';
import type { ReportMonth } from './month';
import { inMonth } from './month';
import { disaggregate, type ReportColumn, type ReportRow, type ReportTable } from './table';

export type PregnancyOutcome = 'live-birth' | 'stillbirth' | 'miscarriage' | 'abortion' | 'ectopic' | 'other';

export interface AncPregnancyFact {
  id: string;
  patientId: string;
  lmp: IsoDate;
  edd: IsoDate;
  /** Mother's completed years of age when the pregnancy was registered. */
  motherAgeYears: number;
  /** Date the pregnancy ended (delivery, loss) or was closed; null while ongoing. */
  outcomeDate: IsoDate | null;
  outcomeType: PregnancyOutcome | null;
  voided: boolean;
  merged: boolean;
  recordedAt?: string;
  changedAt?: string;
}

export interface AncContactFact {
  id: string;
  pregnancyId: string;
  date: IsoDate;
  /** Gestational age at the contact in days (from the dating); null computes it from the LMP. */
  gaDays: number | null;
  /** IPTp-SP dose number given at this contact (1, 2, 3 …), null if none. */
  iptpDose: number | null;
  /** Td dose number given at this contact, null if none. */
  tdDose: number | null;
  hbGdl: number | null;
  /** Hypertension, severe hypertension or pre-eclampsia flagged at this contact (both readings). */
  hypertension: boolean;
  referred: boolean;
  voided: boolean;
  recordedAt?: string;
  changedAt?: string;
}

export const ANC_COLUMNS: readonly ReportColumn[] = [
  { key: 'total', label: 'reports.col.total' },
  { key: 'y10_14', label: 'reports.col.y10_14' },
  { key: 'y15_19', label: 'reports.col.y15_19' },
  { key: 'y20_24', label: 'reports.col.y20_24' },
  { key: 'y25plus', label: 'reports.col.y25plus' },
];

/** Age group of the mother: 10–14, 15–19, 20–24, 25+ (younger than 10 is counted with 10–14). */
// WHO adolescent age groups (10–14, 15–19) and HMIS ANC disaggregation
export function motherAgeGroup(years: number): 'y10_14' | 'y15_19' | 'y20_24' | 'y25plus' {
  if (years < 15) return 'y10_14';
  if (years < 20) return 'y15_19';
  if (years < 25) return 'y20_24';
  return 'y25plus';
}

interface Counted {
  id: string;
  pregnancy: AncPregnancyFact;
}

export interface AncReport {
  month: string;
  tables: ReportTable[];
}

/** The ANC monthly indicators; every count is of pregnancies (one woman counts once per row). */
export function ancReport(
  pregnancies: readonly AncPregnancyFact[],
  contacts: readonly AncContactFact[],
  m: ReportMonth,
): AncReport {
  const live = new Map(pregnancies.filter((p) => !p.voided && !p.merged).map((p) => [p.id, p]));
  const byPregnancy = new Map<string, AncContactFact[]>();
  for (const c of contacts) {
    if (c.voided || !live.has(c.pregnancyId)) continue;
    const list = byPregnancy.get(c.pregnancyId) ?? [];
    list.push(c);
    byPregnancy.set(c.pregnancyId, list);
  }
  for (const list of byPregnancy.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const ga = (p: AncPregnancyFact, c: AncContactFact) => c.gaDays ?? gestationalAgeDays(p.lmp, c.date);

  const sets: Record<string, Counted[]> = {};
  const add = (key: string, p: AncPregnancyFact) => (sets[key] ??= []).push({ id: p.id, pregnancy: p });
  for (const p of live.values()) {
    const list = byPregnancy.get(p.id) ?? [];
    const first = list[0];
    // ANC1: the first contact of the pregnancy falls in the month.
    if (first && inMonth(first.date, m)) {
      add('anc1', p);
      // WHO 2016 ANC: first contact within the first 12 weeks (completed weeks ≤ 12).
      if (Math.floor(ga(p, first) / 7) <= 12) add('anc1_12w', p);
    }
    // 4+/8+ among pregnancies closed in the month, counting contacts up to the outcome.
    if (inMonth(p.outcomeDate, m)) {
      add('closed', p);
      const n = list.filter((c) => c.date <= p.outcomeDate!).length;
      // WHO 2016 ANC model: 8 contacts recommended; 4+ kept as the former focused-ANC indicator.
      if (n >= 4) add('anc4', p);
      if (n >= 8) add('anc8', p);
      // Deliveries recorded: births (live or stillbirth) dated in the month.
      if (p.outcomeType === 'live-birth' || p.outcomeType === 'stillbirth') add('deliveries', p);
    }
    const inside = list.filter((c) => inMonth(c.date, m));
    // WHO 2012 IPTp-SP policy: third or later dose given in the month.
    if (inside.some((c) => c.iptpDose !== null && c.iptpDose >= 3)) add('iptp3', p);
    // WHO tetanus toxoid/Td schedule: second or later dose given in the month.
    if (inside.some((c) => c.tdDose !== null && c.tdDose >= 2)) add('td2', p);
    // Values outside what the Hb rule accepts (typing errors) count as tested, not as a level.
    const hb = inside.filter((c) => c.hbGdl !== null);
    const measurable = hb.filter((c) => c.hbGdl! >= 2 && c.hbGdl! <= 25);
    if (hb.length > 0) add('hbTested', p);
    // WHO 2016 ANC / WHO 2011 Hb thresholds: anaemia < 11.0 (< 10.5 at 13–27 weeks), severe < 7.0.
    const levels = measurable.map((c) => anaemia(c.hbGdl!, Math.max(0, ga(p, c))).level);
    if (levels.some((l) => l !== 'none')) add('anaemic', p);
    if (levels.includes('severe')) add('severeAnaemia', p);
    // WHO 2016 ANC: hypertension SBP ≥ 140 or DBP ≥ 90 on both readings, flagged at the contact.
    if (inside.some((c) => c.hypertension)) add('hypertension', p);
    if (inside.some((c) => c.referred)) add('referred', p);
  }
  const keys = [
    ['anc1', 0],
    ['anc1_12w', 1],
    ['closed', 0],
    ['anc4', 1],
    ['anc8', 1],
    ['iptp3', 0],
    ['td2', 0],
    ['hbTested', 0],
    ['anaemic', 1],
    ['severeAnaemia', 2],
    ['hypertension', 0],
    ['referred', 0],
    ['deliveries', 0],
  ] as const;
  const rows: ReportRow[] = keys.map(([key, level]) => ({
    key,
    label: `reports.anc.${key}`,
    level,
    cells: disaggregate(sets[key] ?? [], ANC_COLUMNS, (c) => [motherAgeGroup(c.pregnancy.motherAgeYears)]),
  }));
  return {
    month: m.month,
    tables: [{ id: 'anc', title: 'reports.anc.title', columns: [...ANC_COLUMNS], rows, kind: 'count' }],
  };
}

/** The patient behind each pregnancy id (drill-down lists patients). */
export function ancPatientOf(pregnancies: readonly AncPregnancyFact[]): Map<string, string> {
  return new Map(pregnancies.map((p) => [p.id, p.patientId]));
}
