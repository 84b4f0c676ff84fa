import { Box, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import {
  CMAM_PROGRAMMES,
  EXIT_TYPES,
  type CmamDashboard,
  type CmamProgramme,
} from '../../../shared/contract/channels/cmam';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayText } from '../patients/format';
import { MonthsChart } from './charts';
import { cmamLabels, num } from './labels';

const COLORS: Record<string, string> = {
  cured: '#2e7d32',
  died: '#b3261e',
  defaulted: '#e08a00',
  'non-responder': '#6d4c41',
  'medical-transfer': '#0b5e8a',
  'transfer-out': '#7e57c2',
  'moved-other': '#9e9e9e',
};

/** Caseload, month figures and rates beside the Sphere thresholds (red when outside), 12-month chart. */
export function DashboardScreen() {
  const { t, language } = useI18n();
  const [month, setMonth] = useState(todayText().slice(0, 7));
  const [programme, setProgramme] = useState<CmamProgramme | ''>('');
  const q = useQuery('cmam.dashboard', { month, ...(programme ? { programme } : {}) });
  const d = q.data;
  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h1" sx={{ flex: 1 }}>
          {t('cmam.dashboard.title')}
        </Typography>
        <TextField
          type="month"
          label={t('cmam.dashboard.month')}
          value={month}
          onChange={(e) => e.target.value && setMonth(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          select
          label={t('cmam.field.programme')}
          value={programme}
          onChange={(e) => setProgramme(e.target.value as CmamProgramme | '')}
          slotProps={{ select: { native: true } }}
        >
          <option value="">{t('cmam.dashboard.all')}</option>
          {CMAM_PROGRAMMES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </TextField>
      </Stack>
      <ErrorAlert failure={q.failure} />
      {d ? <Figures d={d} language={language} /> : null}
    </Box>
  );

  function Figures({ d, language }: { d: CmamDashboard; language: string }) {
    const series = useMemo(
      () => [
        {
          label: t('cmam.dashboard.admissionsSeries'),
          data: d.months.map((m) => m.admissions),
          kind: 'line' as const,
          color: '#0b5e8a',
        },
        ...EXIT_TYPES.map((x) => ({
          label: cmamLabels.exit(t, x),
          data: d.months.map((m) => m.exits[x]),
          kind: 'bar' as const,
          color: COLORS[x]!,
        })),
      ],
      [d],
    );
    const rates = [
      ['cured', t('cmam.dashboard.rate.cured')],
      ['died', t('cmam.dashboard.rate.died')],
      ['defaulted', t('cmam.dashboard.rate.defaulted')],
      ['nonResponder', t('cmam.dashboard.rate.nonResponder')],
    ] as const;
    return (
      <Stack spacing={2}>
        <Stack direction="row" spacing={2}>
          <Card
            label={t('cmam.dashboard.caseload')}
            value={`OTP ${d.caseload.OTP} · SC ${d.caseload.SC} · TSFP ${d.caseload.TSFP}`}
            testId="dash-caseload"
          />
          <Card
            label={t('cmam.dashboard.admissions')}
            value={String(d.admissions)}
            testId="dash-admissions"
          />
          <Card label={t('cmam.dashboard.exits')} value={String(d.totalExits)} testId="dash-exits" />
          <Card label={t('cmam.dashboard.moves')} value={String(d.internalMoves)} testId="dash-moves" />
        </Stack>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h2" gutterBottom>
            {t('cmam.dashboard.rates')}
          </Typography>
          <Stack direction="row" spacing={3}>
            {rates.map(([k, label]) => {
              const r = d.rates[k];
              const bad = r.meetsSphere === false;
              return (
                <Box key={k} data-testid={`dash-rate-${k}`} data-outside={bad ? 'true' : 'false'}>
                  <Typography variant="subtitle2">{label}</Typography>
                  <Typography
                    variant="h3"
                    sx={{ color: bad ? 'error.main' : r.meetsSphere ? 'success.main' : 'text.primary' }}
                  >
                    {r.percent === null ? '—' : `${num(language, r.percent)} %`}
                  </Typography>
                  <Typography variant="caption">
                    {r.sphere.above !== null
                      ? t('cmam.dashboard.sphereAbove', { n: String(r.sphere.above) })
                      : r.sphere.below !== null
                        ? t('cmam.dashboard.sphereBelow', { n: String(r.sphere.below) })
                        : ''}
                  </Typography>
                </Box>
              );
            })}
          </Stack>
          {d.totalExits === 0 ? (
            <Typography color="text.secondary">{t('cmam.dashboard.noExits')}</Typography>
          ) : null}
          {d.averageLengthOfStayDays !== null ? (
            <Typography>
              {t('cmam.dashboard.stay', { days: num(language, d.averageLengthOfStayDays) })}
            </Typography>
          ) : null}
          {d.averageWeightGain !== null ? (
            <Typography>{t('cmam.dashboard.gain', { gain: num(language, d.averageWeightGain) })}</Typography>
          ) : null}
        </Paper>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h2" gutterBottom>
            {t('cmam.dashboard.chart')}
          </Typography>
          <MonthsChart
            months={d.months.map((m) => m.month)}
            series={series}
            title={t('cmam.dashboard.chart')}
          />
        </Paper>
      </Stack>
    );
  }
}

function Card({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1 }}>
      <Typography variant="subtitle2">{label}</Typography>
      <Typography variant="h3" data-testid={testId}>
        {value}
      </Typography>
    </Paper>
  );
}
