import { Alert, Box, Button, Paper, Stack, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { roleHas } from '../../../shared/contract';
import type { ProgrammeRecord } from '../../../shared/contract/channels/programmes';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SimpleTable } from '../../components/SimpleTable';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { dateText } from '../patients/format';

const STALE = ['programmes.list', 'programmes.patientEnrolments', 'patients.chart'] as const;

/** Every programme with its open enrolments; managers create and deactivate them. */
export function ProgrammesScreen() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const q = useQuery('programmes.list', {});
  const manage = session ? roleHas(session.role, 'programmes.manage') : false;
  const [closing, setClosing] = useState<ProgrammeRecord | null>(null);
  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('programmes.title')}
      </Typography>
      <ErrorAlert failure={q.failure} />
      <Paper variant="outlined" sx={{ mb: 2 }}>
        <SimpleTable
          label={t('programmes.title')}
          columns={[
            t('programmes.col.code'),
            t('programmes.col.name'),
            t('programmes.col.open'),
            t('programmes.col.status'),
            null,
          ]}
        >
          {(q.data?.programmes ?? []).map((p) => (
            <TableRow key={p.id}>
              <TableCell>{p.code}</TableCell>
              <TableCell>{p.name}</TableCell>
              <TableCell>{p.openCount}</TableCell>
              <TableCell>
                {p.active
                  ? t('programmes.active')
                  : t('programmes.inactive', { date: dateText(language, p.deactivatedOn ?? '') })}
              </TableCell>
              <TableCell>
                {manage && p.active && p.kind !== 'cmam' ? (
                  <Button size="small" color="warning" onClick={() => setClosing(p)}>
                    {t('programmes.deactivate')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </SimpleTable>
      </Paper>
      {closing ? <Deactivate programme={closing} done={() => setClosing(null)} /> : null}
      {manage ? <CreateProgramme /> : null}
    </Box>
  );
}

function Deactivate({ programme, done }: { programme: ProgrammeRecord; done(): void }) {
  const { t } = useI18n();
  const action = useAction('programmes.deactivate', { invalidates: STALE });
  const [reason, setReason] = useState('');
  const confirm = async () => {
    const result = await action.run({
      id: programme.id,
      expectedVersion: programme.version,
      reason,
      confirmOpenEnrolments: programme.openCount,
    });
    if (result.ok) done();
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Alert severity="warning" sx={{ mb: 1 }}>
        {t('programmes.deactivate.confirm', { n: String(programme.openCount) })}
      </Alert>
      <TextField
        label={t('programmes.deactivate.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        fullWidth
        autoFocus
      />
      <ErrorAlert failure={action.failure} shownPaths={[]} sx={{ mt: 1 }} />
      <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
        <Button variant="contained" color="warning" disabled={action.busy} onClick={() => void confirm()}>
          {t('programmes.deactivate')}
        </Button>
        <Button onClick={done}>{t('cmam.back')}</Button>
      </Stack>
    </Paper>
  );
}

function CreateProgramme() {
  const { t } = useI18n();
  const create = useAction('programmes.create', { invalidates: STALE });
  const form = useForm({ code: '', name: '', description: '' });
  const submit = async () => {
    const input = { ...form.values };
    const problems = validateInput('programmes.create', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await create.run(input);
    if (!result.ok) return form.showFailure(result);
    for (const k of ['code', 'name', 'description'] as const) form.set(k, '');
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2" gutterBottom>
        {t('programmes.create')}
      </Typography>
      <Form
        onSubmit={() => void submit()}
        focusRequest={form.focusRequest}
        aria-label={t('programmes.create')}
      >
        <Stack direction="row" spacing={2}>
          <FormTextField form={form} name="code" label={t('programmes.field.code')} required />
          <FormTextField form={form} name="name" label={t('programmes.field.name')} required />
        </Stack>
        <FormTextField
          form={form}
          name="description"
          label={t('programmes.field.description')}
          fullWidth
          multiline
        />
        <ErrorAlert
          failure={create.failure}
          shownPaths={create.failure?.code === 'VALIDATION' ? ['code', 'name', 'description'] : []}
        />
        <SubmitButton busy={create.busy} sx={{ mt: 1 }}>
          {t('programmes.save')}
        </SubmitButton>
      </Form>
    </Paper>
  );
}
