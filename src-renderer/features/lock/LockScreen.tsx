import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/contract';
import { useAction } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';

/**
 * The locked window: only the same user's PIN (or password) goes on; "Switch user" ends the session cleanly.
 * Five wrong answers end the session in the core, which sends everyone back to the sign-in screen.
 */
export function LockScreen({ session }: { session: SessionInfo }) {
  const t = useT();
  const { refresh, signOut } = useSession();
  const [withPin, setWithPin] = useState(session.hasPin);
  const form = useForm({ pin: '', password: '' });
  const unlock = useAction('session.unlock');

  const submit = async () => {
    const input = withPin ? { pin: form.values.pin } : { password: form.values.password };
    const result = await unlock.run(input);
    form.set('pin', '');
    form.set('password', '');
    if (!result.ok) {
      form.showFailure(result);
      return;
    }
    await refresh();
  };

  return (
    <Box sx={{ maxWidth: 440, mx: 'auto', mt: { xs: 2, md: 6 }, p: 2 }}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h1" gutterBottom>
          {t('lock.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {t(withPin ? 'lock.subtitle' : 'lock.subtitlePassword', { name: session.fullName })}
        </Typography>
        <Form
          enterSubmits
          onSubmit={() => void submit()}
          focusRequest={form.focusRequest}
          aria-label={t('lock.title')}
        >
          {withPin ? (
            <FormTextField
              key="pin"
              form={form}
              name="pin"
              label={t('lock.pin')}
              type="password"
              autoComplete="off"
              autoFocus
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
            />
          ) : (
            <FormTextField
              key="password"
              form={form}
              name="password"
              label={t('lock.password')}
              type="password"
              autoComplete="current-password"
              autoFocus
            />
          )}
          <ErrorAlert failure={unlock.failure} shownPaths={['pin', 'password']} sx={{ mt: 1 }} />
          <SubmitButton busy={unlock.busy} fullWidth sx={{ mt: 2 }}>
            {t('lock.unlock')}
          </SubmitButton>
        </Form>
        <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'space-between' }}>
          {session.hasPin ? (
            <Button
              onClick={() => {
                unlock.reset();
                setWithPin(!withPin);
              }}
            >
              {t(withPin ? 'lock.usePassword' : 'lock.usePin')}
            </Button>
          ) : (
            <span />
          )}
          <Button color="inherit" onClick={() => void signOut()} title={t('lock.switchUserHint')}>
            {t('lock.switchUser')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
