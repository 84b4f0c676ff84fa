import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { roleHas } from '../../../shared/contract';
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

const wholeOrNaN = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The facility's CMAM settings: absences before a defaulted exit is proposed, weeks of RUTF to order. */
export function SettingsScreen() {
  const { t } = useI18n();
  const { session } = useSession();
  const q = useQuery('cmam.settings', {});
  const save = useAction('cmam.updateSettings', {
    invalidates: ['cmam.settings', 'cmam.defaulters', 'cmam.stock', 'cmam.episode'],
  });
  const form = useForm({ defaulterAbsences: '', orderWeeks: '' });
  const [saved, setSaved] = useState(false);
  const canManage = session ? roleHas(session.role, 'programmes.manage') : false;
  useEffect(() => {
    if (!q.data) return;
    form.set('defaulterAbsences', String(q.data.defaulterAbsences));
    form.set('orderWeeks', String(q.data.orderWeeks));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q.data]);
  const submit = async () => {
    setSaved(false);
    const input = {
      defaulterAbsences: wholeOrNaN(form.values.defaulterAbsences),
      orderWeeks: wholeOrNaN(form.values.orderWeeks),
    };
    const problems = validateInput('cmam.updateSettings', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await save.run(input);
    if (!result.ok) return form.showFailure(result);
    setSaved(true);
  };
  return (
    <Box sx={{ p: 3, maxWidth: 700, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('cmam.settings.title')}
      </Typography>
      <ErrorAlert failure={q.failure} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        {!canManage ? <Alert severity="info">{t('cmam.settings.readOnly')}</Alert> : null}
        <Form
          onSubmit={() => void submit()}
          focusRequest={form.focusRequest}
          aria-label={t('cmam.settings.title')}
        >
          <Stack spacing={2}>
            <FormTextField
              form={form}
              name="defaulterAbsences"
              label={t('cmam.settings.defaulterAbsences')}
              helperText={t('cmam.settings.defaulterAbsencesHelp')}
              required
              disabled={!canManage}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'cmam-settings-absences' } }}
            />
            <FormTextField
              form={form}
              name="orderWeeks"
              label={t('cmam.settings.orderWeeks')}
              helperText={t('cmam.settings.orderWeeksHelp')}
              required
              disabled={!canManage}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'cmam-settings-weeks' } }}
            />
          </Stack>
          <ErrorAlert
            failure={save.failure}
            shownPaths={['defaulterAbsences', 'orderWeeks']}
            sx={{ mt: 1 }}
          />
          {saved ? (
            <Alert severity="success" sx={{ mt: 1 }} data-testid="cmam-settings-saved">
              {t('cmam.settings.saved')}
            </Alert>
          ) : null}
          {canManage ? (
            <SubmitButton busy={save.busy} sx={{ mt: 1 }} data-testid="cmam-settings-save">
              {t('cmam.settings.save')}
            </SubmitButton>
          ) : null}
        </Form>
      </Paper>
      <Button sx={{ mt: 2 }} onClick={() => navigate('cmam')}>
        {t('cmam.back')}
      </Button>
    </Box>
  );
}
