import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import {
  ageInYears,
  datePregnancy,
  formatGestationalAge,
  gestationalAgeDays,
  riskFactors,
} from '../../../shared/clinical';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormCheck } from '../patients/fields';
import { dateText, fullName, todayText } from '../patients/format';
import { pregnancyLabels as L } from './labels';

const intOr = (s: string, fallback: number) => (s.trim() === '' || !/^\d+$/.test(s) ? fallback : Number(s));

/** Live dating and risk factors from the shared rules, as she types (null while the dates are incomplete). */
function preview(v: Record<string, string | boolean>, birthDate: string | undefined) {
  try {
    const today = todayText();
    const weeks = String(v.scanWeeks);
    const ultrasound =
      v.scanDate && weeks
        ? {
            scanDate: String(v.scanDate),
            gestationalAgeDays: intOr(weeks, 0) * 7 + intOr(String(v.scanDays), 0),
          }
        : null;
    const dating = datePregnancy({ lmp: String(v.lmp) || null, ultrasound });
    const ga = gestationalAgeDays(dating.datingLmp, today);
    const age = birthDate ? ageInYears(birthDate, today) : 25;
    const risks = riskFactors({
      ageYears: Math.max(age, 8),
      gravida: intOr(String(v.gravida), 1),
      parity: intOr(String(v.para), 0),
      previousCaesarean: v.previousCaesarean === true,
      multiplePregnancy: v.multiplePregnancy === true,
    });
    return { edd: dating.edd, ga: formatGestationalAge(ga), risks };
  } catch {
    return null;
  }
}

export function RegisterPregnancyScreen({ params }: { params: { patientId: string } }) {
  const { t, language } = useI18n();
  const patient = useQuery('patients.get', { id: params.patientId });
  const register = useAction('pregnancy.register', {
    invalidates: ['patients.chart', 'pregnancy.ofPatient'],
  });
  const form = useForm({
    lmp: '',
    scanDate: '',
    scanWeeks: '',
    scanDays: '',
    gravida: '1',
    para: '0',
    previousCaesarean: false,
    multiplePregnancy: false,
  });
  const v = form.values;
  const live = preview(v, patient.data?.birthDate);

  const submit = async () => {
    const input = {
      patientId: params.patientId,
      lmp: v.lmp || null,
      ultrasound: v.scanDate
        ? { scanDate: v.scanDate, gestationalAgeDays: intOr(v.scanWeeks, 0) * 7 + intOr(v.scanDays, 0) }
        : null,
      gravida: intOr(v.gravida, -1),
      para: intOr(v.para, -1),
      previousCaesarean: v.previousCaesarean,
      multiplePregnancy: v.multiplePregnancy,
    };
    const problems = validateInput('pregnancy.register', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await register.run(input);
    if (result.ok) return navigate('pregnancy.view', { pregnancyId: result.value.id });
    form.showFailure(result);
  };

  return (
    <Box sx={{ p: 3, maxWidth: 900, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('pregnancy.register.title')}
        {patient.data ? ` — ${fullName(patient.data)}` : ''}
      </Typography>
      <ErrorAlert failure={patient.failure} />
      <Form
        onSubmit={() => void submit()}
        focusRequest={form.focusRequest}
        aria-label={t('pregnancy.register.title')}
      >
        <Paper variant="outlined" sx={{ p: 2 }}>
          <FormTextField
            form={form}
            name="lmp"
            label={t('pregnancy.field.lmp')}
            type="date"
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <FormTextField
              form={form}
              name="scanDate"
              path="ultrasound.scanDate"
              label={t('pregnancy.field.scanDate')}
              type="date"
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <FormTextField
              form={form}
              name="scanWeeks"
              path="ultrasound.gestationalAgeDays"
              label={t('pregnancy.field.scanWeeks')}
              inputMode="numeric"
            />
            <FormTextField
              form={form}
              name="scanDays"
              label={t('pregnancy.field.scanDays')}
              inputMode="numeric"
            />
          </Stack>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <FormTextField
              form={form}
              name="gravida"
              label={t('pregnancy.field.gravida')}
              required
              inputMode="numeric"
            />
            <FormTextField
              form={form}
              name="para"
              label={t('pregnancy.field.para')}
              required
              inputMode="numeric"
            />
          </Stack>
          <FormCheck form={form} name="previousCaesarean" label={t('pregnancy.field.previousCaesarean')} />
          <FormCheck form={form} name="multiplePregnancy" label={t('pregnancy.field.multiple')} />
        </Paper>
        {live ? (
          <Alert
            severity={live.risks.length > 0 ? 'warning' : 'info'}
            sx={{ mt: 2 }}
            data-testid="live-dating"
          >
            <div>{t('pregnancy.live.edd', { edd: dateText(language, live.edd), ga: live.ga })}</div>
            <div>
              {live.risks.length > 0
                ? t('pregnancy.live.risks', { risks: live.risks.map((r) => L.risk(t, r)).join(', ') })
                : t('pregnancy.live.noRisk')}
            </div>
          </Alert>
        ) : null}
        <ErrorAlert
          failure={register.failure}
          shownPaths={['lmp', 'gravida', 'para', 'ultrasound.scanDate']}
          sx={{ mt: 1 }}
        />
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <SubmitButton busy={register.busy}>{t('pregnancy.register.submit')}</SubmitButton>
        </Stack>
      </Form>
    </Box>
  );
}
