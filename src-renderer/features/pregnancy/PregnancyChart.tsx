import { Box, Paper, Stack, TextField, Typography } from '@mui/material';
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AncContactRecord } from '../../../shared/contract/channels/pregnancy';
import { useT } from '../../app/i18n';
import {
  PREGNANCY_MEASURES,
  pregnancySeries,
  type PregnancyMeasure,
  type Series,
} from './pregnancy-chart-data';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

const COLOR: Record<Series['line'], string> = { value: '#0b5e8a', systolic: '#b3261e', diastolic: '#e08a00' };

/** Weight, BP, Hb or fundal height of the contacts against gestational weeks (chart.js). */
export function PregnancyChart({ contacts }: { contacts: readonly AncContactRecord[] }) {
  const t = useT();
  const [measure, setMeasure] = useState<PregnancyMeasure>('fundal');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [rendered, setRendered] = useState(false);
  const series = useMemo(() => pregnancySeries(contacts, measure), [contacts, measure]);
  const name: Record<PregnancyMeasure, string> = {
    weight: t('pregnancy.field.weight'),
    bp: t('pregnancy.graph.bp'),
    hb: t('pregnancy.field.hb'),
    fundal: t('pregnancy.field.fundal'),
  };
  const lineName = (l: Series['line']) =>
    l === 'value'
      ? name[measure]
      : t(l === 'systolic' ? 'pregnancy.graph.systolic' : 'pregnancy.graph.diastolic');
  const count = series.reduce((n, s) => n + s.points.length, 0);
  const xLabel = t('pregnancy.graph.weeks');
  const yLabel = name[measure];

  useEffect(() => {
    if (!canvas.current) return;
    const datasets: ChartDataset<'line', { x: number; y: number }[]>[] = series.map((s) => ({
      type: 'line',
      label: lineName(s.line),
      data: s.points,
      borderColor: COLOR[s.line],
      backgroundColor: COLOR[s.line],
      borderWidth: 2,
      pointRadius: 5,
    }));
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', min: 0, max: 42, title: { display: true, text: xLabel } },
          y: { type: 'linear', title: { display: true, text: yLabel } },
        },
        plugins: { legend: { position: 'bottom' }, tooltip: { intersect: false } },
      },
    });
    setRendered(true);
    return () => {
      chart.destroy();
      setRendered(false);
    };
    // lineName reads only `measure` and the catalog, both covered by `series` and the labels.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series, xLabel, yLabel]);

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h2">{t('pregnancy.graph.title')}</Typography>
        <TextField
          select
          size="small"
          label={t('pregnancy.graph.measure')}
          value={measure}
          onChange={(e) => setMeasure(e.target.value as PregnancyMeasure)}
          slotProps={{ select: { native: true }, htmlInput: { 'data-path': 'chartMeasure' } }}
        >
          {PREGNANCY_MEASURES.map((m) => (
            <option key={m} value={m}>
              {name[m]}
            </option>
          ))}
        </TextField>
      </Stack>
      {count === 0 ? <Typography>{t('pregnancy.graph.empty')}</Typography> : null}
      <Box sx={{ position: 'relative', height: 300 }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${yLabel}: ${series
            .flatMap((s) => s.points.map((p) => `${p.x} → ${p.y}`))
            .join(', ')}`}
          data-testid="pregnancy-chart"
          data-rendered={rendered ? 'true' : 'false'}
          data-points={count}
        />
      </Box>
    </Paper>
  );
}
