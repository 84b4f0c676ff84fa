import { Box } from '@mui/material';
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Sex } from '../../shared/clinical';
import { referenceCurves, type GrowthIndicator, type SdLine } from './growth-chart-data';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, Legend, Tooltip);

const SD_STYLE: Record<SdLine, { color: string; dash: number[] }> = {
  [-3]: { color: '#b3261e', dash: [] },
  [-2]: { color: '#e08a00', dash: [6, 4] },
  0: { color: '#2e7d32', dash: [] },
  2: { color: '#e08a00', dash: [6, 4] },
  3: { color: '#b3261e', dash: [] },
};

export interface GrowthChartLabels {
  title: string;
  x: string;
  y: string;
  child: string;
  sd(sd: SdLine): string;
}

/**
 * A child's weights on the WHO reference lines (weight-for-age, or weight-for-length/height), drawn with
 * chart.js. `points` are already on the indicator's axes (months or cm, kg).
 */
export function GrowthChart({
  indicator,
  sex,
  points,
  labels,
}: {
  indicator: GrowthIndicator;
  sex: Sex;
  points: { x: number; y: number }[];
  labels: GrowthChartLabels;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [rendered, setRendered] = useState(false);
  const curves = useMemo(() => referenceCurves(indicator, sex), [indicator, sex]);

  useEffect(() => {
    if (!canvas.current) return;
    const reference: ChartDataset<'line', { x: number; y: number }[]>[] = curves.map((c) => ({
      type: 'line',
      label: labels.sd(c.sd),
      data: c.points,
      borderColor: SD_STYLE[c.sd].color,
      borderDash: SD_STYLE[c.sd].dash,
      borderWidth: c.sd === 0 ? 2 : 1.5,
      pointRadius: 0,
      fill: false,
    }));
    const child: ChartDataset<'line', { x: number; y: number }[]> = {
      type: 'line',
      label: labels.child,
      data: points,
      borderColor: '#0b5e8a',
      backgroundColor: '#0b5e8a',
      borderWidth: 2,
      pointRadius: 5,
      pointHoverRadius: 7,
    };
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: { datasets: [...reference, child] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', title: { display: true, text: labels.x } },
          y: { type: 'linear', title: { display: true, text: labels.y } },
        },
        plugins: { legend: { position: 'bottom' }, tooltip: { intersect: false } },
      },
    });
    setRendered(true);
    return () => {
      chart.destroy();
      setRendered(false);
    };
  }, [curves, points, labels]);

  return (
    <Box sx={{ position: 'relative', height: 340 }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`${labels.title}: ${points.map((p) => `${p.x} → ${p.y} kg`).join(', ')}`}
        data-testid={`growth-chart-${indicator}`}
        data-rendered={rendered ? 'true' : 'false'}
        data-points={points.length}
      />
    </Box>
  );
}
