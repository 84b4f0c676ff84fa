import { describe, expect, it } from 'vitest';
import { trendChartConfig } from '../../../shared/reports';

const trends = {
  months: ['2026-02', '2026-03'],
  series: [
    { label: 'reports.trend.admissions', kind: 'count' as const, values: [3, null] },
    { label: 'reports.trend.cure', kind: 'rate' as const, values: [80, 70], threshold: 75 },
    { label: 'reports.trend.caseload', kind: 'count' as const, values: [5, 6] },
  ],
};
const label = (k: string) => k.toUpperCase();
const threshold = (series: string, percent: number) => `${series} ≥ ${percent}`;

describe('trend chart configuration (screen and PDF)', () => {
  it('draws counts as bars in the palette order, gaps kept as null', () => {
    const c = trendChartConfig(trends, 'count', label, threshold);
    expect(c.type).toBe('bar');
    expect(c.data.labels).toEqual(['2026-02', '2026-03']);
    expect(c.data.datasets.map((d) => [d.type, d.label, d.backgroundColor])).toEqual([
      ['bar', 'REPORTS.TREND.ADMISSIONS', '#1976d2'],
      ['bar', 'REPORTS.TREND.CASELOAD', '#2e7d32'],
    ]);
    expect(c.data.datasets[0]!.data).toEqual([3, null]);
  });

  it('draws rates as lines, each with its threshold as a flat dashed red line', () => {
    const c = trendChartConfig(trends, 'rate', label, threshold);
    expect(c.type).toBe('line');
    expect(c.data.datasets).toEqual([
      expect.objectContaining({ type: 'line', data: [80, 70], borderColor: '#1976d2' }),
      expect.objectContaining({
        type: 'line',
        label: 'REPORTS.TREND.CURE ≥ 75',
        data: [75, 75],
        borderColor: '#c62828',
        borderDash: [6, 4],
        pointRadius: 0,
      }),
    ]);
  });
});
