import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { PatientRecord } from '../../../shared/contract/channels/patients';
import type { VisitRecord } from '../../../shared/contract/channels/visits';
import type { Failure, FieldError } from '../../../shared/contract';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { fullName, todayText } from '../patients/format';
import { HistoryDialog } from '../patients/HistoryDialog';
import { VoidDialog } from '../patients/VoidDialog';
import { EMPTY_VISIT, formPath, fromVisit, toVisitFields, type VisitFormValues } from './visit-form';
import { VisitForm } from './VisitForm';

const STALE = ['patients.chart', 'patients.get', 'patients.history', 'visits.get', 'home.summary'] as const;
const mapped = (fields: readonly FieldError[]) => fields.map((f) => ({ ...f, path: formPath(f.path) }));
const shown = Object.keys(EMPTY_VISIT);

/** A new visit for a patient. */
export function NewVisitScreen({ params }: { params: { patientId: string } }) {
  const patient = useQuery('patients.get', { id: params.patientId });
  return <Frame patient={patient.data} failure={patient.failure} busy={patient.busy} />;
}

/** An existing visit: see it, correct it (author within 24 h, manager any time) or void it. */
export function EditVisitScreen({ params }: { params: { visitId: string } }) {
  const visit = useQuery('visits.get', { id: params.visitId });
  const patientId = visit.data?.patientId;
  return patientId ? (
    <EditVisitLoaded visit={visit.data!} patientId={patientId} />
  ) : (
    <Frame patient={undefined} failure={visit.failure} busy={visit.busy} />
  );
}

function EditVisitLoaded({ visit, patientId }: { visit: VisitRecord; patientId: string }) {
  const patient = useQuery('patients.get', { id: patientId });
  return <Frame patient={patient.data} failure={patient.failure} busy={patient.busy} visit={visit} />;
}

function Frame(props: {
  patient: PatientRecord | undefined;
  failure: Failure | null;
  busy: boolean;
  visit?: VisitRecord;
}) {
  const t = useT();
  const { patient, visit } = props;
  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {visit ? t('visits.edit.title') : t('visits.new.title')}
        {patient ? ` — ${fullName(patient)} (${patient.registrationNumber})` : ''}
      </Typography>
      <ErrorAlert failure={props.failure} />
      {patient ? (
        <VisitEditor key={visit ? `${visit.id}-${visit.version}` : 'new'} patient={patient} visit={visit} />
      ) : (
        <DelayedProgress active={props.busy} />
      )}
    </Box>
  );
}

function VisitEditor({ patient, visit }: { patient: PatientRecord; visit?: VisitRecord | undefined }) {
  const t = useT();
  const form = useForm<VisitFormValues>(
    visit
      ? fromVisit(visit, patient.allergies)
      : { ...EMPTY_VISIT, visitDate: todayText(), allergies: patient.allergies },
    { draft: visit ? `visits.edit:${visit.id}:${visit.version}` : `visits.new:${patient.id}` },
  );
  const create = useAction('visits.create', { invalidates: STALE });
  const update = useAction('visits.update', { invalidates: STALE });
  const voiding = useAction('visits.void', { invalidates: STALE });
  const [askConfirm, setAskConfirm] = useState(visit ? visit.implausibleConfirmed.length > 0 : false);
  const [dialog, setDialog] = useState<'void' | 'history' | null>(null);
  const failure = visit ? update.failure : create.failure;
  const back = () => navigate('patients.chart', { patientId: patient.id });

  const submit = async () => {
    const fields = toVisitFields(form.values);
    const problems = visit
      ? validateInput('visits.update', { id: visit.id, expectedVersion: visit.version, visit: fields })
      : validateInput('visits.create', { ...fields, patientId: patient.id });
    if (problems.length > 0) return form.showErrors(mapped(problems));
    const result = visit
      ? await update.run({ id: visit.id, expectedVersion: visit.version, visit: fields })
      : await create.run({ ...fields, patientId: patient.id });
    if (result.ok) {
      form.saved();
      return back();
    }
    if (result.fields?.some((f) => f.path.endsWith('confirmImplausible'))) setAskConfirm(true);
    form.showErrors(result.code === 'VALIDATION' ? mapped(result.fields ?? []) : []);
  };

  const doVoid = async (reason: string) => {
    if (!visit) return;
    const result = await voiding.run({ id: visit.id, expectedVersion: visit.version, reason });
    if (result.ok) {
      form.saved();
      back();
    }
  };

  return (
    <Form onSubmit={() => void submit()} focusRequest={form.focusRequest} aria-label={t('visits.new.title')}>
      <Stack spacing={2}>
        {visit?.voided ? (
          <Alert severity="error">{t('visits.edit.voided', { reason: visit.voidReason ?? '' })}</Alert>
        ) : null}
        {visit ? (
          <Typography color="text.secondary">
            {t('visits.edit.byWhom', { name: visit.clinicianName ?? '—', version: visit.version })}
          </Typography>
        ) : null}
        <VisitForm form={form} patient={patient} askConfirm={askConfirm} />
        <ErrorAlert failure={failure} shownPaths={shown.concat(shown.map((p) => `visit.${p}`))} />
        <Stack direction="row" spacing={2}>
          {!visit?.voided ? (
            <SubmitButton busy={create.busy || update.busy}>
              {visit ? t('visits.edit.submit') : t('visits.new.submit')}
            </SubmitButton>
          ) : null}
          <Button onClick={back}>{t('patients.cancel')}</Button>
          <Box sx={{ flexGrow: 1 }} />
          {visit ? <Button onClick={() => setDialog('history')}>{t('records.history')}</Button> : null}
          {visit && !visit.voided ? (
            <Button color="error" onClick={() => setDialog('void')}>
              {t('visits.void.open')}
            </Button>
          ) : null}
        </Stack>
      </Stack>
      {visit ? (
        <VoidDialog
          open={dialog === 'void'}
          title={t('visits.void.title')}
          explain={t('visits.void.explain')}
          busy={voiding.busy}
          failure={voiding.failure}
          onCancel={() => setDialog(null)}
          onVoid={(reason) => void doVoid(reason)}
        />
      ) : null}
      {visit && dialog === 'history' ? (
        <HistoryDialog entity="visit" id={visit.id} onClose={() => setDialog(null)} />
      ) : null}
    </Form>
  );
}
