// WHO Child Growth Standards 2006 LMS tables, loaded once into typed arrays for a fast, allocation-free hot path.
import raw from './who-tables.generated.json';
import type { Sex } from '../types';

/** wfl weight-for-length, wfh weight-for-height, wfa weight-for-age, lhfa length/height-for-age, bmi BMI-for-age,
 *  acfa MUAC (arm circumference)-for-age. */
export type Indicator = 'wfl' | 'wfh' | 'wfa' | 'lhfa' | 'bmi' | 'acfa';
export const INDICATORS: readonly Indicator[] = ['wfl', 'wfh', 'wfa', 'lhfa', 'bmi', 'acfa'];

/** One sex's table: rows at x = start + i/perUnit (x in cm for wfl/wfh, in days otherwise). */
export interface LmsTable {
  readonly start: number;
  /** Rows per unit of x: 10 for the 0.1 cm tables, 1 for the daily tables. */
  readonly perUnit: number;
  readonly size: number;
  /** Last x covered by the table. */
  readonly end: number;
  readonly l: Float64Array;
  readonly m: Float64Array;
  readonly s: Float64Array;
}

interface RawSexTable {
  start: number;
  step: number;
  l: number[];
  m: number[];
  s: number[];
}

function load(rawTable: RawSexTable, name: string): LmsTable {
  const size = rawTable.l.length;
  if (size < 2 || rawTable.m.length !== size || rawTable.s.length !== size) {
    throw new Error(`WHO table ${name} is malformed`);
  }
  const perUnit = Math.round(1 / rawTable.step);
  return {
    start: rawTable.start,
    perUnit,
    size,
    end: rawTable.start + (size - 1) / perUnit,
    l: Float64Array.from(rawTable.l),
    m: Float64Array.from(rawTable.m),
    s: Float64Array.from(rawTable.s),
  };
}

const rawIndicators = raw.indicators as Record<Indicator, { male: RawSexTable; female: RawSexTable }>;

const TABLES: Record<Indicator, { male: LmsTable; female: LmsTable }> = Object.fromEntries(
  INDICATORS.map((key) => [
    key,
    {
      male: load(rawIndicators[key].male, `${key}/male`),
      female: load(rawIndicators[key].female, `${key}/female`),
    },
  ]),
) as Record<Indicator, { male: LmsTable; female: LmsTable }>;

export function lmsTable(indicator: Indicator, sex: Sex): LmsTable {
  return TABLES[indicator][sex];
}

/** Attribution required wherever these figures are shown. */
export const WHO_ATTRIBUTION: string = raw.attribution;
