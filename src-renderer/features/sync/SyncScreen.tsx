import { Alert, Box, Button, Paper, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SimpleTable } from '../../components/SimpleTable';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { syncErrorText } from './sync-text';

/** The administrator's sync screen: enrolment (server address + one-time code), status, set-aside changes. */
export function SyncScreen() {
  const { t, language } = useI18n();
  const status = useQuery('sync.status', {});
  const enrol = useAction('sync.enrol', { invalidates: ['sync.status'] });
  const push = useAction('sync.pushNow', { invalidates: ['sync.status'] });
  const retry = useAction('sync.retryRejected', { invalidates: ['sync.status'] });
  const form = useForm({ serverUrl: '', code: '' });
  const [enrolled, setEnrolled] = useState<string | null>(null);
  const s = status.data;
  const when = (iso: string) =>
    new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });

  const submit = async () => {
    const input = { serverUrl: form.values.serverUrl, code: form.values.code };
    const problems = validateInput('sync.enrol', input);
    if (problems.length > 0) {
      form.showErrors(problems);
      return;
    }
    const result = await enrol.run(input);
    if (!result.ok) {
      form.showFailure(result);
      return;
    }
    form.saved();
    form.set('code', '');
    setEnrolled(t('sync.enrolled', { name: result.value.facilityName, code: result.value.facilityCode }));
  };

  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('sync.title')}
      </Typography>
      {s ? (
        <Paper variant="outlined" sx={{ p: 3, mb: 3 }} data-testid="sync-status">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
            <Button
              variant="contained"
              size="large"
              disabled={!s.enrolled || push.busy || s.pushing}
              onClick={() => void push.run({})}
            >
              {t('sync.now')}
            </Button>
            <Typography>
              {s.lastPushAt ? t('sync.lastPush', { time: when(s.lastPushAt) }) : t('sync.lastPushNever')}
            </Typography>
            <Typography color="text.secondary">{t('sync.waiting', { count: String(s.waiting) })}</Typography>
          </Stack>
          {s.serverUrl ? <Typography>{t('sync.server', { url: s.serverUrl })}</Typography> : null}
          {s.credentialStore ? <Typography>{t(`sync.store.${s.credentialStore}`)}</Typography> : null}
          {s.errorKind ? (
            <Alert severity={s.errorKind === 'notEnrolled' ? 'info' : 'warning'} sx={{ mt: 1 }}>
              {syncErrorText(t, s.errorKind)}
              {s.lastErrorDetail && s.errorKind !== 'notEnrolled' ? (
                <div>{t('sync.detail', { detail: s.lastErrorDetail })}</div>
              ) : null}
            </Alert>
          ) : s.enrolled && s.waiting === 0 ? (
            <Alert severity="success" sx={{ mt: 1 }}>
              {t('sync.allSent')}
            </Alert>
          ) : null}
          <ErrorAlert failure={push.failure} sx={{ mt: 1 }} />
        </Paper>
      ) : null}
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <Typography variant="h2" gutterBottom>
          {t('sync.enrol')}
        </Typography>
        <Form onSubmit={() => void submit()} focusRequest={form.focusRequest} aria-label={t('sync.enrol')}>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <FormTextField
              form={form}
              name="serverUrl"
              label={t('sync.serverUrl')}
              helperText={t('sync.serverUrlHint')}
              autoComplete="url"
              sx={{ minWidth: 360 }}
            />
            <FormTextField
              form={form}
              name="code"
              label={t('sync.code')}
              helperText={t('sync.codeHint')}
              autoComplete="off"
            />
            <SubmitButton busy={enrol.busy}>{t('sync.enrol')}</SubmitButton>
          </Stack>
          <ErrorAlert failure={enrol.failure} shownPaths={['serverUrl', 'code']} sx={{ mt: 1 }} />
          {enrolled ? (
            <Alert severity="success" sx={{ mt: 1 }}>
              {enrolled}
            </Alert>
          ) : null}
        </Form>
      </Paper>
      {s && s.rejected.length > 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="h2" gutterBottom>
            {t('sync.rejectedTitle')}
          </Typography>
          <SimpleTable
            label={t('sync.rejectedTitle')}
            columns={[t('sync.rejected.record'), t('sync.rejected.reason')]}
          >
            {s.rejected.map((r) => (
              <TableRow key={r.changeId}>
                <TableCell>{`${r.entity} ${r.entityId} (v${r.version})`}</TableCell>
                <TableCell>{r.reason ?? ''}</TableCell>
              </TableRow>
            ))}
          </SimpleTable>
          <Button sx={{ mt: 2 }} variant="outlined" disabled={retry.busy} onClick={() => void retry.run({})}>
            {t('sync.retry')}
          </Button>
        </Paper>
      ) : null}
    </Box>
  );
}
