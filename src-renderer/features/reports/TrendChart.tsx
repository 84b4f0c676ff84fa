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
import { trendChartConfig } from '../../../shared/reports/trend-chart';

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

/** 12-month trends: counts as bars, rates as lines with the Sphere threshold dashed in red (as in the PDF). */
export function TrendChart({
  trends,
  kind,
  label,
  title,
  threshold,
}: {
  trends: OutputOf<'reports.trends'>;
  kind: 'count' | 'rate';
  label(key: string): string;
  title: string;
  /** Names a threshold line, e.g. "Cure rate (%) — Sphere 75 %". */
  threshold(series: string, percent: number): string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    // The same configuration the PDF draws (shared/reports/trend-chart.ts).
    const config = trendChartConfig(trends, kind, label, threshold);
    const chart = new Chart(canvas.current, {
      type: config.type,
      data: config.data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { title: { display: true, text: title } },
      },
    });
    return () => chart.destroy();
  }, [trends, kind, label, title, threshold]);
  return (
    <Box sx={{ height: 260 }}>
      <canvas ref={canvas} role="img" aria-label={title} />
    </Box>
  );
}
