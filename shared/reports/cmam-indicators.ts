// CMAM performance indicators of the exits of a month, beside the Sphere minimum standards.
import { cmamPerformance } from '../clinical/nutrition/episodes';
import type { Programme } from '../clinical/nutrition/placement';
import { daysBetween } from '../clinical/dates';
import type { CmamEpisodeFact } from './cmam';
import { countCell, type ReportColumn, type ReportRow, type ReportTable } from './table';

export const INDICATOR_COLUMNS: readonly ReportColumn[] = [
  { key: 'value', label: 'reports.col.value' },
  { key: 'numerator', label: 'reports.col.numerator' },
  { key: 'denominator', label: 'reports.col.denominator' },
];

/** Exits that are performance outcomes (internal moves and transfers out/moved are not). */
// CLINICAL definitions per WHO/UNICEF CMAM reporting: total exits = cured + died + defaulted + non-responder + medical transfer
export function performanceExits(exits: readonly CmamEpisodeFact[]): CmamEpisodeFact[] {
  const outcomes = new Set(['cured', 'died', 'defaulted', 'non-responder', 'medical-transfer']);
  return exits.filter((e) => !e.internalMove && e.exitType !== null && outcomes.has(e.exitType));
}

/** Mean length of stay of cured children, in days. */
// Sphere 2018 management of acute malnutrition standard 2.2 (guidance: length of stay)
export function averageLengthOfStay(cured: readonly CmamEpisodeFact[]): number | null {
  const days = cured.filter((e) => e.exitDate !== null).map((e) => daysBetween(e.admissionDate, e.exitDate!));
  return days.length === 0 ? null : round1(days.reduce((a, b) => a + b, 0) / days.length);
}

/** g/kg/day = (exit weight − minimum weight) × 1000 / (minimum weight × days between them), non-oedematous cured. */
// WHO/UNICEF CMAM: average weight gain of cured non-oedematous children (Sphere 2018 standard 2.2 guidance)
export function weightGain(e: CmamEpisodeFact): number | null {
  if (e.oedemaAtAdmission || e.exitWeightKg === null || e.minWeightKg === null) return null;
  if (e.minWeightDate === null || e.exitDate === null || e.minWeightKg <= 0) return null;
  const days = daysBetween(e.minWeightDate, e.exitDate);
  if (days <= 0) return null;
  return ((e.exitWeightKg - e.minWeightKg) * 1000) / (e.minWeightKg * days);
}

export function averageWeightGain(cured: readonly CmamEpisodeFact[]): {
  value: number | null;
  ids: string[];
} {
  const gains = cured
    .map((e) => [e.id, weightGain(e)] as const)
    .filter((g): g is [string, number] => g[1] !== null);
  if (gains.length === 0) return { value: null, ids: [] };
  return { value: round1(gains.reduce((a, [, g]) => a + g, 0) / gains.length), ids: gains.map(([id]) => id) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The indicator table: rates over performance exits with Sphere thresholds, stay, weight gain, RUTF. */
// Sphere 2018 standards 2.1 (MAM: died < 3 %) and 2.2 (SAM: cured > 75 %, died < 10 %, defaulted < 15 %)
export function cmamIndicators(
  exits: readonly CmamEpisodeFact[],
  programme: Programme,
  rutfSachets: number,
): ReportTable {
  const outcomes = performanceExits(exits);
  const of = (t: string) => outcomes.filter((e) => e.exitType === t);
  const perf = cmamPerformance({
    cured: of('cured').length,
    died: of('died').length,
    defaulted: of('defaulted').length,
    nonResponder: of('non-responder').length,
    medicalTransfer: of('medical-transfer').length,
  });
  const deathLimit = programme === 'TSFP' ? 3 : 10;
  const denominator = countCell(outcomes.map((e) => e.id));
  const rate = (
    key: string,
    type: string,
    percent: number | null,
    threshold?: { op: '>' | '<'; percent: number },
  ): ReportRow => ({
    key,
    label: `reports.ind.${key}`,
    ...(threshold ? { threshold } : {}),
    cells: {
      value: {
        value: percent === null ? null : round1(percent),
        meets:
          percent === null || !threshold
            ? null
            : threshold.op === '>'
              ? percent > threshold.percent
              : percent < threshold.percent,
      },
      numerator: countCell(of(type).map((e) => e.id)),
      denominator,
    },
  });
  const cured = of('cured');
  const gain = averageWeightGain(cured);
  const curedCell = countCell(cured.map((e) => e.id));
  return {
    id: 'indicators',
    title: 'reports.ind.title',
    kind: 'rate',
    columns: [...INDICATOR_COLUMNS],
    rows: [
      rate('cure', 'cured', perf.cured.percent, { op: '>', percent: 75 }),
      rate('death', 'died', perf.died.percent, { op: '<', percent: deathLimit }),
      rate('default', 'defaulted', perf.defaulted.percent, { op: '<', percent: 15 }),
      rate('nonResponse', 'non-responder', perf.nonResponder.percent),
      rate('medicalTransfer', 'medical-transfer', perf.medicalTransfer.percent),
      {
        key: 'alos',
        label: 'reports.ind.alos',
        cells: { value: { value: averageLengthOfStay(cured) }, numerator: curedCell, denominator: curedCell },
      },
      {
        key: 'weightGain',
        label: 'reports.ind.weightGain',
        cells: {
          value: { value: gain.value },
          numerator: countCell(gain.ids),
          denominator: countCell(gain.ids),
        },
      },
      { key: 'rutf', label: 'reports.ind.rutf', cells: { value: { value: rutfSachets } } },
    ],
  };
}
