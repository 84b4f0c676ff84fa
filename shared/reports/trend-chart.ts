// One chart.js configuration per 12-month trend, built here so the screen (chart.js on a canvas) and the PDF
// (src-main/pdf/document.ts draws the same datasets with jsPDF vector primitives: bars, lines, the dashed
// Sphere threshold) show the same series, colours, labels and thresholds. The main process has no canvas, so
// the PDF interprets this configuration instead of rasterising chart.js; see PdfDocument.chart.

export interface TrendSeriesInput {
  label: string;
  kind: 'count' | 'rate';
  values: (number | null)[];
  threshold?: number;
}

export interface TrendDataset {
  type: 'bar' | 'line';
  label: string;
  data: (number | null)[];
  backgroundColor: string;
  borderColor: string;
  /** Dash pattern of a reference line (the Sphere threshold), in chart.js pixels. */
  borderDash?: number[];
  pointRadius?: number;
}

/** The plain-data part of a chart.js `ChartConfiguration` (options are the renderer's concern). */
export interface TrendChartConfig {
  type: 'bar' | 'line';
  data: { labels: string[]; datasets: TrendDataset[] };
}

export const TREND_COLOURS = ['#1976d2', '#2e7d32', '#c62828', '#ed6c02', '#6a1b9a', '#00838f'] as const;
export const THRESHOLD_COLOUR = '#c62828';

/**
 * Counts as bars, rates as lines, each rate's threshold as a dashed red line. `label` translates a catalog
 * key; `thresholdLabel` names a threshold line (e.g. "Cure rate — Sphere 75 %").
 */
export function trendChartConfig(
  trends: { months: string[]; series: readonly TrendSeriesInput[] },
  kind: 'count' | 'rate',
  label: (key: string) => string,
  thresholdLabel: (seriesLabel: string, threshold: number) => string,
): TrendChartConfig {
  const type = kind === 'count' ? 'bar' : 'line';
  const datasets = trends.series
    .filter((s) => s.kind === kind)
    .flatMap((s, i): TrendDataset[] => {
      const colour = TREND_COLOURS[i % TREND_COLOURS.length]!;
      const own: TrendDataset = {
        type,
        label: label(s.label),
        data: s.values,
        backgroundColor: colour,
        borderColor: colour,
      };
      if (s.threshold === undefined) return [own];
      return [
        own,
        {
          type: 'line',
          label: thresholdLabel(label(s.label), s.threshold),
          data: trends.months.map(() => s.threshold!),
          backgroundColor: THRESHOLD_COLOUR,
          borderColor: THRESHOLD_COLOUR,
          borderDash: [6, 4],
          pointRadius: 0,
        },
      ];
    });
  return { type, data: { labels: trends.months, datasets } };
}
