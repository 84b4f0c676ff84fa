import { Box } from '@mui/material';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { OutputOf } from '../../../shared/contract';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

const COLOURS = ['#1976d2', '#2e7d32', '#c62828', '#ed6c02', '#6a1b9a', '#00838f'];

/** 12-month trends: counts as bars, rates as lines with the Sphere threshold dashed in red. */
export function TrendChart({
  trends,
  kind,
  label,
  title,
}: {
  trends: OutputOf<'reports.trends'>;
  kind: 'count' | 'rate';
  label(key: string): string;
  title: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const series = trends.series.filter((s) => s.kind === kind);
    const datasets = series.flatMap((s, i) => [
      {
        type: kind === 'count' ? ('bar' as const) : ('line' as const),
        label: label(s.label),
        data: s.values,
        backgroundColor: COLOURS[i % COLOURS.length],
        borderColor: COLOURS[i % COLOURS.length],
      },
      ...(s.threshold !== undefined
        ? [
            {
              type: 'line' as const,
              label: `${label(s.label)} — Sphere ${s.threshold} %`,
              data: trends.months.map(() => s.threshold!),
              borderColor: '#c62828',
              borderDash: [6, 4],
              pointRadius: 0,
            },
          ]
        : []),
    ]);
    const chart = new Chart(canvas.current, {
      type: kind === 'count' ? 'bar' : 'line',
      data: { labels: trends.months, datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { title: { display: true, text: title } },
      },
    });
    return () => chart.destroy();
  }, [trends, kind, label, title]);
  return (
    <Box sx={{ height: 260 }}>
      <canvas ref={canvas} role="img" aria-label={title} />
    </Box>
  );
}
