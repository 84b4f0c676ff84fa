import { Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { PatientRecord } from '../../../shared/contract/channels/patients';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { PatientForm } from './PatientForm';
import { EMPTY_PATIENT, fromRecord, toDraft } from './patient-form';
import { VoidDialog } from './VoidDialog';

const STALE = [
  'patients.search',
  'patients.chart',
  'patients.get',
  'patients.history',
  'home.summary',
] as const;

/** Correcting a patient: the core decides who may change what (identity within 24 h, contact any time). */
export function EditPatientScreen({ params }: { params: { patientId: string } }) {
  const t = useT();
  const record = useQuery('patients.get', { id: params.patientId });
  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('patients.edit.title')}
      </Typography>
      <ErrorAlert failure={record.failure} />
      {record.data ? (
        <EditForm key={record.data.version} record={record.data} />
      ) : (
        <DelayedProgress active={record.busy} />
      )}
    </Box>
  );
}

function EditForm({ record }: { record: PatientRecord }) {
  const t = useT();
  const form = useForm(fromRecord(record), { draft: `patients.edit:${record.id}:${record.version}` });
  const update = useAction('patients.update', { invalidates: STALE });
  const voiding = useAction('patients.void', { invalidates: STALE });
  const [voidOpen, setVoidOpen] = useState(false);
  const back = () => navigate('patients.chart', { patientId: record.id });

  const submit = async () => {
    const input = { id: record.id, expectedVersion: record.version, patient: toDraft(form.values) };
    const problems = validateInput('patients.update', input).map((f) => ({
      ...f,
      path: f.path.replace(/^patient\./, ''),
    }));
    if (problems.length > 0) return form.showErrors(problems);
    const result = await update.run(input);
    if (result.ok) {
      form.saved();
      return back();
    }
    form.showErrors(
      result.code === 'VALIDATION'
        ? (result.fields ?? []).map((f) => ({ ...f, path: f.path.replace(/^patient\./, '') }))
        : [],
    );
  };
  const doVoid = async (reason: string) => {
    const result = await voiding.run({ id: record.id, expectedVersion: record.version, reason });
    if (result.ok) {
      form.saved();
      setVoidOpen(false);
      navigate('patients');
    }
  };

  return (
    <Form
      onSubmit={() => void submit()}
      focusRequest={form.focusRequest}
      aria-label={t('patients.edit.title')}
    >
      <Stack spacing={2}>
        <Typography color="text.secondary">{t('patients.edit.explain')}</Typography>
        <PatientForm form={form} />
        <ErrorAlert
          failure={update.failure}
          shownPaths={Object.keys(EMPTY_PATIENT).map((k) => `patient.${k}`)}
        />
        <Stack direction="row" spacing={2}>
          <SubmitButton busy={update.busy}>{t('patients.edit.submit')}</SubmitButton>
          <Button onClick={back}>{t('patients.cancel')}</Button>
          <Box sx={{ flexGrow: 1 }} />
          <Button color="error" onClick={() => setVoidOpen(true)}>
            {t('patients.void.open')}
          </Button>
        </Stack>
      </Stack>
      <VoidDialog
        open={voidOpen}
        title={t('patients.void.title')}
        explain={t('patients.void.explain')}
        busy={voiding.busy}
        failure={voiding.failure}
        onCancel={() => setVoidOpen(false)}
        onVoid={(reason) => void doVoid(reason)}
      />
    </Form>
  );
}
