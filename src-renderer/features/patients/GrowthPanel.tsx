import { Paper, Tab, Tabs, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { DAYS_PER_MONTH } from '../../../shared/clinical';
import type { PatientChart } from '../../../shared/contract/channels/patients';
import { useT } from '../../app/i18n';
import { GrowthChart, type GrowthChartLabels } from '../../components/growth-chart';

/** Weight-for-age and weight-for-length/height of an under-5, on the WHO reference lines. */
export function GrowthPanel({ chart }: { chart: PatientChart }) {
  const t = useT();
  const [tab, setTab] = useState<'wfa' | 'wfl'>('wfa');
  const points = chart.growth;
  // The length table the child is on now: length under 2 years, height from 2.
  const lengthTable = chart.age.years < 2 ? 'wfl' : 'wfh';
  const wfa = useMemo(
    () =>
      points
        .filter((g) => g.weightKg !== null)
        .map((g) => ({ x: Math.round((g.ageDays / DAYS_PER_MONTH) * 100) / 100, y: g.weightKg! })),
    [points],
  );
  const wfl = useMemo(
    () =>
      points
        .filter((g) => g.weightKg !== null && g.lengthUsedCm !== null && !g.oedema)
        .map((g) => ({ x: g.lengthUsedCm!, y: g.weightKg! })),
    [points],
  );
  const labels = useMemo<GrowthChartLabels>(
    () => ({
      title: tab === 'wfa' ? t('growth.wfa') : t(lengthTable === 'wfl' ? 'growth.wfl' : 'growth.wfh'),
      x: tab === 'wfa' ? t('growth.ageMonths') : t('growth.lengthCm'),
      y: t('growth.weightKg'),
      child: t('growth.child'),
      sd: (sd) => (sd === 0 ? t('growth.median') : t('growth.sd', { sd: sd > 0 ? `+${sd}` : `${sd}` })),
    }),
    [t, tab, lengthTable],
  );
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label={t('growth.title')}>
      <Typography variant="h2">{t('growth.title')}</Typography>
      <Tabs value={tab} onChange={(_e, v: 'wfa' | 'wfl') => setTab(v)} sx={{ mb: 1 }}>
        <Tab value="wfa" label={t('growth.wfa')} />
        <Tab value="wfl" label={t(lengthTable === 'wfl' ? 'growth.wfl' : 'growth.wfh')} />
      </Tabs>
      {points.length === 0 ? <Typography color="text.secondary">{t('growth.noPoints')}</Typography> : null}
      {tab === 'wfa' ? (
        <GrowthChart indicator="wfa" sex={chart.patient.sex} points={wfa} labels={labels} />
      ) : (
        <GrowthChart indicator={lengthTable} sex={chart.patient.sex} points={wfl} labels={labels} />
      )}
      <Typography variant="caption" color="text.secondary">
        {t('growth.source')}
      </Typography>
    </Paper>
  );
}
