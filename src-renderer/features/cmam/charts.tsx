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
import { useEffect, useRef, useState } from 'react';

Chart.register(
  LineController,
  BarController,
  BarElement,
  CategoryScale,
  LineElement,
  PointElement,
  LinearScale,
  Legend,
  Tooltip,
);

/** Weight (left axis) and MUAC (right axis) at admission and each follow-up, drawn with chart.js. */
export function TrendChart({
  points,
  labels,
}: {
  points: { date: string; weightKg: number; muacMm: number | null }[];
  labels: { title: string; weight: string; muac: string; date(d: string): string };
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: points.map((p) => labels.date(p.date)),
        datasets: [
          { label: labels.weight, data: points.map((p) => p.weightKg), borderColor: '#0b5e8a', yAxisID: 'y' },
          { label: labels.muac, data: points.map((p) => p.muacMm), borderColor: '#b35c00', yAxisID: 'y1' },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { type: 'linear', position: 'left', title: { display: true, text: labels.weight } },
          y1: {
            type: 'linear',
            position: 'right',
            title: { display: true, text: labels.muac },
            grid: { drawOnChartArea: false },
          },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    setRendered(true);
    return () => {
      chart.destroy();
      setRendered(false);
    };
  }, [points, labels]);
  return (
    <Box sx={{ position: 'relative', height: 220 }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`${labels.title}: ${points.map((p) => `${p.weightKg} kg`).join(', ')}`}
        data-testid="cmam-trend"
        data-rendered={rendered ? 'true' : 'false'}
        data-points={points.length}
      />
    </Box>
  );
}

/** Admissions (line) and exits by outcome (stacked bars) for 12 months. */
export function MonthsChart({
  months,
  series,
  title,
}: {
  months: string[];
  series: { label: string; data: number[]; kind: 'line' | 'bar'; color: string }[];
  title: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: months,
        datasets: series.map((s) =>
          s.kind === 'line'
            ? {
                type: 'line' as const,
                label: s.label,
                data: s.data,
                borderColor: s.color,
                backgroundColor: s.color,
              }
            : {
                type: 'bar' as const,
                label: s.label,
                data: s.data,
                backgroundColor: s.color,
                stack: 'exits',
              },
        ),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [months, series]);
  return (
    <Box sx={{ position: 'relative', height: 260 }}>
      <canvas ref={canvas} role="img" aria-label={title} data-testid="cmam-months" />
    </Box>
  );
}
