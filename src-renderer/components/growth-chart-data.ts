// WHO reference lines (−3, −2, 0, +2, +3 SD) for the growth chart, read from the same LMS tables the core uses.
import { DAYS_PER_MONTH, lmsTable, lmsValue, MAX_AGE_DAYS, type Sex } from '../../shared/clinical';

export type GrowthIndicator = 'wfa' | 'wfl' | 'wfh';
export const SD_LINES = [-3, -2, 0, 2, 3] as const;
export type SdLine = (typeof SD_LINES)[number];

export interface Curve {
  sd: SdLine;
  points: { x: number; y: number }[];
}

/** x: age in months (wfa) or length/height in cm (wfl, wfh); y: weight in kg. */
export function referenceCurves(indicator: GrowthIndicator, sex: Sex): Curve[] {
  const table = lmsTable(indicator, sex);
  // About 120 points per line: smooth enough, light enough for a clinic laptop.
  const lastRow = indicator === 'wfa' ? Math.min(table.size - 1, MAX_AGE_DAYS) : table.size - 1;
  const step = Math.max(1, Math.round(lastRow / 120));
  const rows: number[] = [];
  for (let i = 0; i <= lastRow; i += step) rows.push(i);
  if (rows[rows.length - 1] !== lastRow) rows.push(lastRow);
  return SD_LINES.map((sd) => ({
    sd,
    points: rows.map((i) => {
      const x = table.start + i / table.perUnit;
      const y = lmsValue(sd, table.l[i]!, table.m[i]!, table.s[i]!);
      return {
        x: indicator === 'wfa' ? Math.round((x / DAYS_PER_MONTH) * 100) / 100 : x,
        y: Math.round(y * 100) / 100,
      };
    }),
  }));
}
