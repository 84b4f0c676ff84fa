import { Alert, Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { PatientChart } from '../../../shared/contract/channels/patients';
import { useI18n } from '../../app/i18n';
import { RouteLink } from '../../app/router';
import { ageText, dateText, fullName, sexText, statusColor } from './format';
import { labels } from './labels';
import { usePhoneText } from './use-phone-text';

/** Who this is and what matters now: age, sex, number, allergies, programmes, pregnancy, nutrition status. */
export function ChartHeader({ chart }: { chart: PatientChart }) {
  const { t, language } = useI18n();
  const phone = usePhoneText();
  const p = chart.patient;
  const n = chart.latestNutrition;
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} aria-label={t('patients.chart.header')}>
      {p.mergedInto ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('patients.chart.merged')}{' '}
          <RouteLink to="patients.chart" params={{ patientId: p.mergedInto }}>
            {t('patients.chart.openSurvivor')}
          </RouteLink>
        </Alert>
      ) : null}
      {p.voided ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('patients.chart.voided', { reason: p.voidReason ?? '' })}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h1" data-testid="chart-name">
          {fullName(p)}
        </Typography>
        <Typography sx={{ fontFamily: 'monospace', fontSize: '1.1rem' }} data-testid="chart-number">
          {p.registrationNumber}
        </Typography>
        {n ? (
          <Chip
            color={statusColor(n.status)}
            label={t('patients.chart.nutrition', {
              status: t(`visits.status.${n.status}`),
              date: dateText(language, n.visitDate),
            })}
            data-testid="chart-nutrition"
            data-status={n.status}
          />
        ) : null}
        {chart.programmes.map((g) => (
          <Chip key={g.code} label={g.name} variant="outlined" />
        ))}
        {chart.pregnancy ? (
          <Chip
            color="secondary"
            label={t('patients.chart.pregnant', {
              weeks: Math.floor(chart.pregnancy.gestationalAgeDays / 7),
              edd: dateText(language, chart.pregnancy.edd),
            })}
          />
        ) : null}
      </Stack>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, gap: 1, mt: 1.5 }}
      >
        <Fact label={t('patients.field.sex')}>{sexText(t, p.sex)}</Fact>
        <Fact label={t('patients.chart.age')}>
          <span data-testid="chart-age">{ageText(t, chart.age)}</span>
        </Fact>
        <Fact label={t('patients.field.birthDate')}>
          {dateText(language, p.birthDate)}
          {p.birthDateEstimated ? ` ${t('patients.estimatedMark')}` : ''}
        </Fact>
        <Fact label={t('patients.field.village')}>
          {[p.village, p.district].filter(Boolean).join(', ') || '—'}
        </Fact>
        <Fact label={t('patients.field.phone')}>{p.phone ? phone(p.phone) : '—'}</Fact>
        <Fact label={t('patients.field.caregiverName')}>
          {p.caregiverName
            ? `${p.caregiverName}${p.caregiverRelationship ? ` (${p.caregiverRelationship})` : ''}${p.caregiverPhone ? ` · ${phone(p.caregiverPhone)}` : ''}`
            : '—'}
        </Fact>
      </Box>
      {n && n.criteria.length > 0 ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('patients.chart.criteria', { list: n.criteria.map((c) => labels.criterion(t, c)).join(', ') })}
        </Typography>
      ) : null}
      <Typography
        sx={{
          mt: 1,
          fontWeight: p.allergies ? 700 : 400,
          color: p.allergies ? 'error.main' : 'text.secondary',
        }}
        data-testid="chart-allergies"
      >
        {p.allergies ? t('patients.chart.allergies', { list: p.allergies }) : t('patients.chart.noAllergies')}
      </Typography>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography sx={{ fontWeight: 600 }}>{children}</Typography>
    </Box>
  );
}
