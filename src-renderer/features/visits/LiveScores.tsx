import { Alert, Box, Chip, Paper, Stack, Typography } from '@mui/material';
import {
  ClinicalInputError,
  MAX_AGE_DAYS,
  classifyNutrition,
  computeAnthropometry,
  daysBetween,
  type Anthropometry,
  type NutritionClassification,
} from '../../../shared/clinical';
import { useT } from '../../app/i18n';
import { statusColor } from '../patients/format';
import { num, type VisitFormValues } from './visit-form';
import { labels } from '../patients/labels';

export interface MeasuredPatient {
  sex: 'male' | 'female';
  birthDate: string;
  birthDateEstimated: boolean;
}

type Live =
  | { kind: 'none' }
  | { kind: 'over5' }
  | { kind: 'error'; field: string; message: string }
  | { kind: 'ok'; a: Anthropometry; c: NutritionClassification };

/** The same shared/clinical functions the core runs on save; here only to show the numbers while typing. */
export function liveScores(patient: MeasuredPatient, v: VisitFormValues): Live {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.visitDate) || v.visitDate < patient.birthDate) return { kind: 'none' };
  const ageDays = daysBetween(patient.birthDate, v.visitDate);
  if (ageDays > MAX_AGE_DAYS) return { kind: 'over5' };
  const weightKg = num(v.weightKg);
  const lengthCm = num(v.lengthCm);
  const muacMm = num(v.muacMm);
  if (weightKg === null && lengthCm === null && muacMm === null && v.oedema === 'none')
    return { kind: 'none' };
  try {
    const a = computeAnthropometry({
      sex: patient.sex,
      birthDate: patient.birthDate,
      visitDate: v.visitDate,
      birthDateEstimated: patient.birthDateEstimated,
      weightKg,
      lengthCm,
      measured: v.measured === '' ? null : (v.measured as 'lying' | 'standing'),
      muacMm,
      oedema: v.oedema as 'none',
    });
    const c = classifyNutrition({ muacMm, whz: a.whz, oedema: v.oedema as 'none', ageDays });
    return { kind: 'ok', a, c };
  } catch (error) {
    if (error instanceof ClinicalInputError)
      return { kind: 'error', field: error.field, message: error.message };
    return { kind: 'none' };
  }
}

const z = (value: number | null) =>
  value === null ? '—' : value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2);

/** z-scores and nutrition status, updated on every keystroke; implausible values are flagged at once. */
export function LiveScores({ patient, values }: { patient: MeasuredPatient; values: VisitFormValues }) {
  const t = useT();
  const live = liveScores(patient, values);
  if (live.kind === 'none') return null;
  if (live.kind === 'over5') {
    return <Typography color="text.secondary">{t('visits.live.over5')}</Typography>;
  }
  if (live.kind === 'error') {
    return (
      <Alert severity="error" data-testid="live-impossible">
        {t('visits.live.impossible', { message: live.message })}
      </Alert>
    );
  }
  const { a, c } = live;
  return (
    <Paper variant="outlined" sx={{ p: 2, bgcolor: 'grey.50' }} aria-live="polite" data-testid="live-scores">
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography variant="h3" component="span">
          {t('visits.live.title')}
        </Typography>
        <Score label={t('visits.live.whz')} value={z(a.whz)} flagged={a.implausible.includes('whz')} />
        <Score label={t('visits.live.waz')} value={z(a.waz)} flagged={a.implausible.includes('waz')} />
        <Score label={t('visits.live.haz')} value={z(a.haz)} flagged={a.implausible.includes('haz')} />
        <Score label={t('visits.live.muacz')} value={z(a.muacz)} flagged={false} />
        {c.status ? (
          <Chip
            color={statusColor(c.status)}
            label={t(`visits.status.${c.status}`)}
            data-testid="live-status"
            data-status={c.status}
          />
        ) : null}
        {c.criteria.length > 0 ? (
          <Typography variant="body2">{c.criteria.map((k) => labels.criterion(t, k)).join(', ')}</Typography>
        ) : null}
      </Stack>
      {a.implausible.length > 0 ? (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {t('visits.live.implausible')}
        </Alert>
      ) : null}
      {a.flags.includes('oedema-no-weight-z') ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('visits.live.oedemaNoZ')}
        </Typography>
      ) : null}
    </Paper>
  );
}

function Score({ label, value, flagged }: { label: string; value: string; flagged: boolean }) {
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography sx={{ fontWeight: 700, fontSize: '1.2rem', color: flagged ? 'error.main' : undefined }}>
        {value}
      </Typography>
    </Box>
  );
}
