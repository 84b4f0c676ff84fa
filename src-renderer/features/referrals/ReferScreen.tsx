import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { REFERRAL_URGENCIES } from '../../../shared/contract/channels/referrals';
import { actorHas } from '../../../shared/contract';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { navigate, RouteLink } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormSelect } from '../patients/fields';
import { fullName, todayText } from '../patients/format';
import { labels } from '../patients/labels';

const STALE = ['patients.chart', 'referrals.listOpen', 'home.summary'] as const;

/** Refer a patient to a facility of the directory, with reason and urgency. */
export function ReferScreen({ params }: { params: { patientId: string } }) {
  const t = useT();
  const { session } = useSession();
  const patient = useQuery('patients.get', { id: params.patientId });
  const directory = useQuery('directory.list', {});
  const create = useAction('referrals.create', { invalidates: STALE });
  const form = useForm(
    { toFacilityId: '', referralDate: todayText(), urgency: 'urgent', reason: '' },
    { draft: `referrals.new:${params.patientId}` },
  );
  const facilities = directory.data?.facilities ?? [];

  const submit = async () => {
    const input = {
      patientId: params.patientId,
      toFacilityId: form.values.toFacilityId,
      referralDate: form.values.referralDate,
      urgency: form.values.urgency as (typeof REFERRAL_URGENCIES)[number],
      reason: form.values.reason,
    };
    const problems = validateInput('referrals.create', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await create.run(input);
    if (result.ok) {
      form.saved();
      return navigate('patients.chart', { patientId: params.patientId });
    }
    form.showFailure(result);
  };

  return (
    <Box sx={{ p: 3, maxWidth: 900, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('referrals.new.title')}
        {patient.data ? ` — ${fullName(patient.data)} (${patient.data.registrationNumber})` : ''}
      </Typography>
      <ErrorAlert failure={patient.failure ?? directory.failure} />
      {directory.data && facilities.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <Typography>{t('referrals.new.emptyDirectory')}</Typography>
          {session && actorHas(session, 'directory.manage') ? (
            <RouteLink to="directory">{t('directory.title')}</RouteLink>
          ) : null}
        </Paper>
      ) : null}
      <Form
        onSubmit={() => void submit()}
        focusRequest={form.focusRequest}
        aria-label={t('referrals.new.title')}
      >
        <Paper variant="outlined" sx={{ p: 2 }}>
          <FormSelect
            form={form}
            name="toFacilityId"
            label={t('referrals.field.facility')}
            required
            options={facilities.map((f) => ({
              value: f.id,
              label: `${f.name} — ${labels.facilityType(t, f.type)}${f.district ? ` (${f.district})` : ''}`,
            }))}
          />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <FormTextField
              form={form}
              name="referralDate"
              label={t('referrals.field.date')}
              required
              type="date"
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayText() } }}
            />
            <FormSelect
              form={form}
              name="urgency"
              label={t('referrals.field.urgency')}
              required
              options={REFERRAL_URGENCIES.map((u) => ({ value: u, label: labels.urgency(t, u) }))}
            />
          </Stack>
          <FormTextField
            form={form}
            name="reason"
            label={t('referrals.field.reason')}
            required
            multiline
            minRows={2}
          />
        </Paper>
        <ErrorAlert
          failure={create.failure}
          shownPaths={['toFacilityId', 'referralDate', 'urgency', 'reason']}
          sx={{ mt: 1 }}
        />
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <SubmitButton busy={create.busy}>{t('referrals.new.submit')}</SubmitButton>
          <Button onClick={() => navigate('patients.chart', { patientId: params.patientId })}>
            {t('patients.cancel')}
          </Button>
        </Stack>
      </Form>
    </Box>
  );
}
