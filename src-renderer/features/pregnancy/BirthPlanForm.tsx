import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { PregnancyDetail } from '../../../shared/contract/channels/pregnancy';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormCheck, FormSelect } from '../patients/fields';

/** The birth plan: place, attendant, transport, emergency facility (directory), blood donor, savings. */
export function BirthPlanForm({ detail }: { detail: PregnancyDetail }) {
  const t = useT();
  const save = useAction('pregnancy.saveBirthPlan', { invalidates: ['pregnancy.get'] });
  const directory = useQuery('directory.list', {});
  const [saved, setSaved] = useState(false);
  const plan = detail.pregnancy.birthPlan;
  const form = useForm({
    place: plan.place,
    attendant: plan.attendant,
    transport: plan.transport,
    emergencyFacilityId: plan.emergencyFacilityId ?? '',
    bloodDonor: plan.bloodDonor,
    savings: plan.savings,
  });
  const v = form.values;
  const submit = async () => {
    setSaved(false);
    const input = {
      id: detail.pregnancy.id,
      expectedVersion: detail.pregnancy.version,
      plan: { ...v, emergencyFacilityId: v.emergencyFacilityId || null },
    };
    const problems = validateInput('pregnancy.saveBirthPlan', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await save.run(input);
    if (!result.ok) return form.showFailure(result);
    setSaved(true);
  };
  const text = (name: 'place' | 'attendant' | 'transport' | 'bloodDonor', label: string) => (
    <FormTextField form={form} name={name} path={`plan.${name}`} label={label} />
  );
  return (
    <Form
      onSubmit={() => void submit()}
      focusRequest={form.focusRequest}
      aria-label={t('pregnancy.birthPlan.title')}
    >
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          {t('pregnancy.birthPlan.title')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {text('place', t('pregnancy.birthPlan.place'))}
          {text('attendant', t('pregnancy.birthPlan.attendant'))}
          {text('transport', t('pregnancy.birthPlan.transport'))}
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
          <FormSelect
            form={form}
            name="emergencyFacilityId"
            path="plan.emergencyFacilityId"
            label={t('pregnancy.birthPlan.emergency')}
            options={(directory.data?.facilities ?? []).map((f) => ({ value: f.id, label: f.name }))}
            sx={{ minWidth: 240 }}
          />
          {text('bloodDonor', t('pregnancy.birthPlan.donor'))}
          <FormCheck
            form={form}
            name="savings"
            path="plan.savings"
            label={t('pregnancy.birthPlan.savings')}
          />
        </Stack>
      </Paper>
      <ErrorAlert failure={save.failure} sx={{ mt: 1 }} />
      {saved ? (
        <Alert severity="success" sx={{ mt: 1 }} data-testid="birth-plan-saved">
          {t('pregnancy.birthPlan.saved')}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <SubmitButton busy={save.busy}>{t('pregnancy.birthPlan.submit')}</SubmitButton>
      </Stack>
    </Form>
  );
}
