import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import {
  CMAM_PROGRAMMES,
  MEDICINES,
  TRANSFER_SOURCES,
  type Assessment,
} from '../../../shared/contract/channels/cmam';
import { OEDEMA_GRADES } from '../../../shared/contract/channels/visits';
import { invoke, validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormCheck, FormSelect } from '../patients/fields';
import { fullName, todayText } from '../patients/format';
import { cmamLabels, num } from './labels';

const STALE = [
  'patients.chart',
  'cmam.caseload',
  'cmam.dashboard',
  'cmam.stock',
  'cmam.patientEpisodes',
] as const;
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

/** Admission: measurements in, the rules' proposal shown live, the nurse confirms the programme. */
export function AdmitScreen({ params }: { params: { patientId: string } }) {
  const { t, language } = useI18n();
  const patient = useQuery('patients.get', { id: params.patientId });
  const admit = useAction('cmam.admit', { invalidates: STALE });
  const form = useForm({
    admissionDate: todayText(),
    weightKg: '',
    lengthCm: '',
    muacMm: '',
    oedema: 'none',
    appetiteSachetsEaten: '',
    medicalComplication: false,
    dangerSign: false,
    transferFrom: '',
    transferSite: '',
    transferNumber: '',
    programme: '',
    rutfSachetsGiven: '',
    nextVisitDate: '',
    notes: '',
    ...Object.fromEntries(MEDICINES.map((m) => [`med_${m}`, false])),
  } as Record<string, string | boolean>);
  const v = form.values;
  const [proposal, setProposal] = useState<Assessment | null>(null);

  const base = useMemo(
    () => ({
      patientId: params.patientId,
      admissionDate: v.admissionDate as string,
      weightKg: numberOrNull(v.weightKg as string) ?? 0,
      lengthCm: numberOrNull(v.lengthCm as string),
      muacMm: numberOrNull(v.muacMm as string),
      oedema: v.oedema as (typeof OEDEMA_GRADES)[number],
      appetiteSachetsEaten: numberOrNull(v.appetiteSachetsEaten as string),
      medicalComplication: v.medicalComplication === true,
      dangerSign: v.dangerSign === true,
      transferFrom: (v.transferFrom || null) as (typeof TRANSFER_SOURCES)[number] | null,
    }),
    [params.patientId, v],
  );
  // The proposal follows the measurements as they are typed (the core decides; the screen only shows it).
  useEffect(() => {
    if (!base.weightKg) return;
    let live = true;
    const timer = setTimeout(() => {
      void invoke('cmam.assess', base).then((r) => {
        if (!live) return;
        setProposal(r.ok ? r.value : null);
        if (r.ok) {
          if (r.value.placement.programme && !form.values.programme)
            form.set('programme', r.value.placement.programme);
          if (r.value.ration) form.set('rutfSachetsGiven', String(r.value.ration.sachetsPerWeek));
          form.set('nextVisitDate', r.value.nextVisitDate);
          for (const m of r.value.medicinesDue) form.set(`med_${m}`, true);
        }
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(base)]);

  const submit = async () => {
    const input = {
      ...base,
      programme: v.programme as (typeof CMAM_PROGRAMMES)[number],
      transferSite: v.transferSite as string,
      transferNumber: v.transferNumber as string,
      medicinesGiven: MEDICINES.filter((m) => v[`med_${m}`] === true),
      rutfSachetsGiven: numberOrNull(v.rutfSachetsGiven as string) ?? 0,
      nextVisitDate: (v.nextVisitDate as string) || null,
      notes: v.notes as string,
    };
    const problems = validateInput('cmam.admit', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await admit.run(input);
    if (result.ok) return navigate('cmam.episode', { episodeId: result.value.id });
    form.showFailure(result);
  };

  const p = base.weightKg ? proposal : null;
  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('cmam.admit.title')}
        {patient.data ? ` — ${fullName(patient.data)} (${patient.data.registrationNumber})` : ''}
      </Typography>
      <ErrorAlert failure={patient.failure} />
      <Form
        onSubmit={() => void submit()}
        focusRequest={form.focusRequest}
        aria-label={t('cmam.admit.title')}
      >
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Paper variant="outlined" sx={{ p: 2, flex: 1 }}>
            <Stack direction="row" spacing={2}>
              <FormTextField
                form={form}
                name="weightKg"
                label={t('cmam.field.weight')}
                required
                autoFocus
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              />
              <FormTextField
                form={form}
                name="muacMm"
                label={t('cmam.field.muac')}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
              <FormTextField
                form={form}
                name="lengthCm"
                label={t('cmam.field.length')}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              />
            </Stack>
            <Stack direction="row" spacing={2}>
              <FormSelect
                form={form}
                name="oedema"
                label={t('cmam.field.oedema')}
                options={OEDEMA_GRADES.map((g) => ({
                  value: g,
                  label: g === 'none' ? t('cmam.oedema.none') : g,
                }))}
              />
              <FormTextField
                form={form}
                name="appetiteSachetsEaten"
                label={t('cmam.field.appetiteEaten')}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              />
            </Stack>
            <FormCheck form={form} name="medicalComplication" label={t('cmam.field.complication')} />
            <FormCheck form={form} name="dangerSign" label={t('cmam.field.dangerSign')} />
            <Stack direction="row" spacing={2}>
              <FormSelect
                form={form}
                name="transferFrom"
                label={t('cmam.field.transferFrom')}
                options={TRANSFER_SOURCES.map((s) => ({
                  value: s,
                  label: s === 'other-site' ? t('cmam.transfer.otherSite') : s,
                }))}
              />
              {v.transferFrom ? (
                <FormTextField form={form} name="transferSite" label={t('cmam.field.transferSite')} />
              ) : null}
              {v.transferFrom ? (
                <FormTextField form={form} name="transferNumber" label={t('cmam.field.transferNumber')} />
              ) : null}
            </Stack>
            <FormTextField
              form={form}
              name="admissionDate"
              label={t('cmam.field.date')}
              type="date"
              required
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayText() } }}
            />
          </Paper>
          <Paper variant="outlined" sx={{ p: 2, flex: 1 }} aria-live="polite" data-testid="cmam-proposal">
            <Typography variant="h2" gutterBottom>
              {t('cmam.admit.proposal')}
            </Typography>
            {p ? (
              <Stack spacing={1}>
                <Typography>
                  {t('cmam.admit.status', { status: p.status ? cmamLabels.status(t, p.status) : '—' })}{' '}
                  {p.criteria.map((c) => (
                    <Chip key={c} size="small" label={c} sx={{ ml: 0.5 }} />
                  ))}
                </Typography>
                {p.placement.programme ? (
                  <Typography data-testid="cmam-placement">
                    {t('cmam.admit.placement', { programme: p.placement.programme })}
                  </Typography>
                ) : p.status === 'SAM' || p.status === 'MAM' ? (
                  <Typography>
                    {t('cmam.admit.noPlacement', { reasons: p.placement.reasons.join(', ') })}
                  </Typography>
                ) : (
                  <Alert severity="info">{t('cmam.admit.notEligible')}</Alert>
                )}
                {p.placement.programme === 'SC' ? (
                  <Typography color="error">
                    {t('cmam.admit.placementReasons', { reasons: p.placement.reasons.join(', ') })}
                  </Typography>
                ) : null}
                <Typography>
                  {t('cmam.admit.appetiteMinimum', { n: num(language, p.appetite.minimumSachets, 3) })}
                </Typography>
                <Typography>{t('cmam.admit.type', { type: cmamLabels.type(t, p.admissionType) })}</Typography>
                {p.numberPreview ? (
                  <Typography data-testid="cmam-number">
                    {t('cmam.admit.number', { number: p.numberPreview })}
                  </Typography>
                ) : null}
                {p.ration ? (
                  <Typography data-testid="cmam-ration">
                    {t('cmam.admit.ration', {
                      perDay: num(language, p.ration.sachetsPerDay),
                      perWeek: String(p.ration.sachetsPerWeek),
                    })}
                  </Typography>
                ) : null}
                {p.openEpisode ? (
                  <Alert severity="warning">
                    {t('cmam.admit.openEpisode', { number: p.openEpisode.number })}
                  </Alert>
                ) : null}
              </Stack>
            ) : null}
            <FormSelect
              form={form}
              name="programme"
              label={t('cmam.field.programme')}
              required
              options={CMAM_PROGRAMMES.map((c) => ({ value: c, label: c }))}
            />
            <Stack direction="row" spacing={2}>
              <FormTextField
                form={form}
                name="rutfSachetsGiven"
                label={t('cmam.field.sachets')}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
              <FormTextField
                form={form}
                name="nextVisitDate"
                label={t('cmam.field.nextVisit')}
                type="date"
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </Stack>
            <Typography variant="subtitle2">{t('cmam.admit.medicines')}</Typography>
            {MEDICINES.map((m) => (
              <FormCheck
                key={m}
                form={form}
                name={`med_${m}`}
                label={cmamLabels.medicine(t, m)}
                path="medicinesGiven"
              />
            ))}
            <FormTextField
              form={form}
              name="notes"
              label={t('cmam.field.notes')}
              multiline
              minRows={2}
              fullWidth
            />
          </Paper>
        </Stack>
        <ErrorAlert
          failure={admit.failure}
          shownPaths={admit.failure?.code === 'VALIDATION' ? Object.keys(form.values) : []}
          sx={{ mt: 1 }}
        />
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <SubmitButton busy={admit.busy}>{t('cmam.admit.save')}</SubmitButton>
          <Button onClick={() => navigate('patients.chart', { patientId: params.patientId })}>
            {t('cmam.back')}
          </Button>
        </Stack>
      </Form>
    </Box>
  );
}
