import { Alert, Box, Paper, Typography } from '@mui/material';
import { useRef } from 'react';
import { useAction } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { RestoreOffer } from '../admin/RestoreOffer';

/**
 * Username + password. A wrong pair shows the core's one message (no hint which part was wrong), clears the
 * password and puts the cursor back in it.
 */
export function LoginScreen() {
  const t = useT();
  const { notice, refresh } = useSession();
  const form = useForm({ username: '', password: '' });
  const login = useAction('auth.login');
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async () => {
    const result = await login.run({ username: form.values.username, password: form.values.password });
    if (!result.ok) {
      form.set('password', '');
      form.showFailure(result);
      if (result.code !== 'VALIDATION') passwordRef.current?.focus();
      return;
    }
    // Each sign-in starts on the home page, whatever the previous user had open.
    navigate('home');
    await refresh();
  };

  return (
    <Box sx={{ maxWidth: 440, mx: 'auto', mt: { xs: 2, md: 6 }, p: 2 }}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h1" gutterBottom>
          {t('login.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {t('login.subtitle')}
        </Typography>
        {notice && !login.failure ? (
          <Alert severity="info" role="status" sx={{ my: 1 }}>
            {t(`session.${notice}`)}
          </Alert>
        ) : null}
        <Form
          enterSubmits
          onSubmit={() => void submit()}
          focusRequest={form.focusRequest}
          aria-label={t('login.title')}
        >
          <FormTextField
            form={form}
            name="username"
            label={t('login.username')}
            autoComplete="username"
            autoFocus
          />
          <FormTextField
            form={form}
            name="password"
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            inputRef={passwordRef}
          />
          <ErrorAlert failure={login.failure} shownPaths={['username', 'password']} sx={{ mt: 1 }} />
          <SubmitButton busy={login.busy} fullWidth sx={{ mt: 2 }}>
            {t('login.submit')}
          </SubmitButton>
        </Form>
      </Paper>
      {/* A damaged database is never replaced silently: the way out is offered here (issue 4). */}
      {login.failure?.code === 'DATABASE' ? <RestoreOffer open /> : null}
    </Box>
  );
}
