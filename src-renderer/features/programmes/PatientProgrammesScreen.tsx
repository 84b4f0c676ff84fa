import { Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { roleHas } from '../../../shared/contract';
import type { EnrolmentRecord } from '../../../shared/contract/channels/programmes';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormSelect } from '../patients/fields';
import { dateText, fullName, todayText } from '../patients/format';

const STALE = ['programmes.list', 'programmes.patientEnrolments', 'patients.chart'] as const;

/** A patient's enrolments (open and past), enrol and unenrol; CMAM admission from here too. */
export function PatientProgrammesScreen({ params }: { params: { patientId: string } }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const patient = useQuery('patients.get', { id: params.patientId });
  const list = useQuery('programmes.patientEnrolments', { patientId: params.patientId });
  const programmes = useQuery('programmes.list', { includeInactive: false });
  const can = (p: Parameters<typeof roleHas>[1]) => (session ? roleHas(session.role, p) : false);
  const enrol = useAction('programmes.enrol', { invalidates: STALE });
  const form = useForm({ programmeId: '', enrolledOn: todayText(), note: '' });
  const submit = async () => {
    const input = { patientId: params.patientId, ...form.values };
    const problems = validateInput('programmes.enrol', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await enrol.run(input);
    if (!result.ok) form.showFailure(result);
  };
  return (
    <Box sx={{ p: 3, maxWidth: 1000, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('programmes.patient.title')}
        {patient.data ? ` — ${fullName(patient.data)}` : ''}
      </Typography>
      <ErrorAlert failure={list.failure ?? patient.failure} />
      <Stack spacing={1} sx={{ mb: 2 }}>
        {list.data && list.data.enrolments.length === 0 ? (
          <Typography>{t('programmes.none')}</Typography>
        ) : null}
        {(list.data?.enrolments ?? []).map((e) => (
          <Enrolment key={e.id} e={e} language={language} canClose={can('programmes.enrol')} />
        ))}
      </Stack>
      {can('cmam.write') ? (
        <Button
          variant="contained"
          sx={{ mb: 2 }}
          onClick={() => navigate('cmam.admit', { patientId: params.patientId })}
        >
          {t('cmam.admit.button')}
        </Button>
      ) : null}
      {can('programmes.enrol') ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Form
            onSubmit={() => void submit()}
            focusRequest={form.focusRequest}
            aria-label={t('programmes.enrol')}
          >
            <Stack direction="row" spacing={2}>
              <FormSelect
                form={form}
                name="programmeId"
                label={t('programmes.field.programme')}
                required
                options={(programmes.data?.programmes ?? [])
                  .filter((p) => p.kind !== 'cmam')
                  .map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
              />
              <FormTextField
                form={form}
                name="enrolledOn"
                label={t('programmes.field.date')}
                type="date"
                required
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </Stack>
            <FormTextField form={form} name="note" label={t('cmam.field.notes')} fullWidth />
            <ErrorAlert
              failure={enrol.failure}
              shownPaths={enrol.failure?.code === 'VALIDATION' ? ['programmeId', 'enrolledOn', 'note'] : []}
            />
            <SubmitButton busy={enrol.busy} sx={{ mt: 1 }}>
              {t('programmes.enrol')}
            </SubmitButton>
          </Form>
        </Paper>
      ) : null}
      <Button sx={{ mt: 2 }} onClick={() => navigate('patients.chart', { patientId: params.patientId })}>
        {t('cmam.back')}
      </Button>
    </Box>
  );
}

function Enrolment({ e, language, canClose }: { e: EnrolmentRecord; language: string; canClose: boolean }) {
  const { t } = useI18n();
  const unenrol = useAction('programmes.unenrol', { invalidates: STALE });
  const [reason, setReason] = useState('');
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography>
        <strong>{e.programmeCode}</strong> {e.programmeName} —{' '}
        {t('programmes.enrolled', { date: dateText(language, e.enrolledOn), name: e.enrolledByName ?? '' })}
      </Typography>
      {e.unenrolledOn ? (
        <Typography color="text.secondary">
          {t('programmes.closed', {
            date: dateText(language, e.unenrolledOn),
            reason: e.unenrolReason ?? '',
          })}
        </Typography>
      ) : canClose ? (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <TextField
            size="small"
            label={t('programmes.field.reason')}
            value={reason}
            onChange={(x) => setReason(x.target.value)}
          />
          <Button
            size="small"
            disabled={unenrol.busy}
            onClick={() =>
              void unenrol.run({ id: e.id, expectedVersion: e.version, unenrolledOn: todayText(), reason })
            }
          >
            {t('programmes.unenrol')}
          </Button>
          <ErrorAlert failure={unenrol.failure} shownPaths={[]} />
        </Stack>
      ) : null}
    </Paper>
  );
}
