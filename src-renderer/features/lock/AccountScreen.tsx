import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useAction, useQuery } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { ChangePasswordForm } from './ChangePasswordForm';

/** One's own account: password change and the PIN that unlocks the idle lock. */
export function AccountScreen() {
  const t = useT();
  const { session, refresh } = useSession();
  const settings = useQuery('settings.get', {});
  const form = useForm({ pin: '', password: '' });
  const setPin = useAction('auth.setPin');
  const clearPin = useAction('auth.clearPin');
  const [notice, setNotice] = useState<'account.pinSaved' | 'account.pinCleared' | null>(null);
  if (!session) return null;

  const savePin = async () => {
    setNotice(null);
    const result = await setPin.run({ pin: form.values.pin, password: form.values.password });
    form.set('password', '');
    if (!result.ok) {
      form.showFailure(result);
      return;
    }
    form.set('pin', '');
    setNotice('account.pinSaved');
    await refresh();
  };
  const removePin = async () => {
    setNotice(null);
    if ((await clearPin.run({})).ok) {
      setNotice('account.pinCleared');
      await refresh();
    }
  };

  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('account.title')}
      </Typography>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ p: 3, flex: '1 1 420px' }}>
          <Typography variant="h2" gutterBottom>
            {t('account.changePassword')}
          </Typography>
          <ChangePasswordForm session={session} forced={false} onDone={() => void refresh()} />
        </Paper>
        <Paper variant="outlined" sx={{ p: 3, flex: '1 1 420px' }} aria-label={t('account.pinTitle')}>
          <Typography variant="h2" gutterBottom>
            {t('account.pinTitle')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            {t('account.pinBody', { minutes: settings.data?.idleLockMinutes ?? 10 })}
          </Typography>
          <Typography sx={{ mb: 1 }} data-testid="pin-state">
            {t(session.hasPin ? 'account.hasPin' : 'account.noPin')}
          </Typography>
          <Form
            onSubmit={() => void savePin()}
            focusRequest={form.focusRequest}
            aria-label={t('account.pinTitle')}
          >
            <FormTextField
              form={form}
              name="pin"
              label={t('account.pin')}
              type="password"
              autoComplete="off"
              fullWidth
              margin="dense"
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
            />
            <FormTextField
              form={form}
              name="password"
              label={t('account.pinPassword')}
              type="password"
              autoComplete="current-password"
              fullWidth
              margin="dense"
            />
            <ErrorAlert
              failure={setPin.failure ?? clearPin.failure}
              shownPaths={['pin', 'password']}
              sx={{ mt: 1 }}
            />
            {notice ? (
              <Alert severity="success" role="status" sx={{ mt: 1 }}>
                {t(notice)}
              </Alert>
            ) : null}
            <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
              <SubmitButton busy={setPin.busy}>{t('account.savePin')}</SubmitButton>
              {session.hasPin ? (
                <Button onClick={() => void removePin()} disabled={clearPin.busy}>
                  {t('account.clearPin')}
                </Button>
              ) : null}
            </Stack>
          </Form>
        </Paper>
      </Stack>
    </Box>
  );
}
