import { Box, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { useAction } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormCheck } from '../patients/fields';
import { RecoveryCodePanel } from './RecoveryCodePanel';
import { emptySetupForm, SETUP_PATHS, toSetupInput, validateSetup } from './setup-form';
import { RestoreOffer } from '../admin/RestoreOffer';

interface Props {
  /** Setup succeeded: the app must keep this screen until the recovery code is acknowledged. */
  onCreated(): void;
  /** The recovery code was acknowledged: go on to the signed-in app. */
  onDone(): void;
}

/** First run: facility and the first administrator; then the recovery code, shown once. */
export function SetupScreen({ onCreated, onDone }: Props) {
  const t = useT();
  const { refresh } = useSession();
  const form = useForm(emptySetupForm);
  const initialize = useAction('setup.initialize');
  const [created, setCreated] = useState<OutputOf<'setup.initialize'> | null>(null);

  const submit = async () => {
    const problems = validateSetup(form.values);
    if (problems.length > 0) {
      form.showErrors(problems);
      return;
    }
    const result = await initialize.run(toSetupInput(form.values));
    if (!result.ok) {
      form.showFailure(result);
      // Set up meanwhile (another window, the CLI): the app moves on to sign-in.
      if (result.code === 'CONFLICT') void refresh();
      return;
    }
    onCreated();
    setCreated(result.value);
  };

  if (created) {
    return (
      <RecoveryCodePanel
        recoveryCode={created.recoveryCode}
        facility={{ name: form.values.facilityName.trim(), code: form.values.facilityCode.trim() }}
        onContinue={onDone}
      />
    );
  }

  const field = (name: keyof typeof SETUP_PATHS) => ({ form, name, path: SETUP_PATHS[name] });
  return (
    <Box sx={{ maxWidth: 880, mx: 'auto', p: 3 }}>
      <Typography variant="h1" gutterBottom>
        {t('setup.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('setup.intro')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Form onSubmit={() => void submit()} focusRequest={form.focusRequest} aria-label={t('setup.title')}>
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Box sx={{ flex: '1 1 340px' }}>
              <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
                {t('setup.facility')}
              </Typography>
              <FormTextField {...field('facilityName')} label={t('setup.facilityName')} autoFocus required />
              <FormTextField
                {...field('facilityCode')}
                label={t('setup.facilityCode')}
                helperText={t('setup.facilityCodeHelp')}
                required
              />
              <FormTextField {...field('district')} label={t('setup.district')} />
              <FormTextField {...field('country')} label={t('setup.country')} />
            </Box>
            <Box sx={{ flex: '1 1 340px' }}>
              <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
                {t('setup.admin')}
              </Typography>
              <FormTextField
                {...field('username')}
                label={t('setup.username')}
                helperText={t('setup.usernameHelp')}
                autoComplete="off"
                required
              />
              <FormTextField {...field('fullName')} label={t('setup.fullName')} required />
              <FormTextField
                {...field('password')}
                label={t('setup.password')}
                type="password"
                autoComplete="new-password"
                helperText={t('setup.passwordHelp')}
                required
              />
              <FormTextField
                {...field('confirmPassword')}
                label={t('setup.confirmPassword')}
                type="password"
                autoComplete="new-password"
                required
              />
              <FormCheck {...field('seesPatients')} label={t('setup.seesPatients')} />
            </Box>
          </Stack>
          <ErrorAlert failure={initialize.failure} shownPaths={Object.values(SETUP_PATHS)} sx={{ mt: 2 }} />
          <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
            <SubmitButton busy={initialize.busy}>{t('setup.submit')}</SubmitButton>
            {initialize.showProgress ? <Typography role="status">{t('setup.working')}</Typography> : null}
          </Stack>
        </Form>
      </Paper>
      {/* Moving to a new PC: restore the facility's backup instead of setting up a new one (issue 4). */}
      <RestoreOffer />
    </Box>
  );
}
