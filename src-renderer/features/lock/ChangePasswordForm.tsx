import { Alert } from '@mui/material';
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/contract';
import { useAction } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { PasswordStrength } from './PasswordStrength';

/** Current + new + confirm, with the strength meter; the core checks the same rules again on save. */
export function ChangePasswordForm({
  session,
  forced,
  onDone,
}: {
  session: SessionInfo;
  forced: boolean;
  onDone(): void;
}) {
  const t = useT();
  const form = useForm({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const change = useAction('auth.changePassword');
  const [saved, setSaved] = useState(false);

  const submit = async () => {
    setSaved(false);
    if (form.values.confirmPassword !== form.values.newPassword) {
      form.showErrors([{ path: 'confirmPassword', message: t('account.mismatch') }]);
      return;
    }
    const result = await change.run({
      currentPassword: form.values.currentPassword,
      newPassword: form.values.newPassword,
    });
    if (!result.ok) {
      form.showFailure(result);
      return;
    }
    form.set('currentPassword', '');
    form.set('newPassword', '');
    form.set('confirmPassword', '');
    setSaved(true);
    onDone();
  };

  return (
    <Form
      onSubmit={() => void submit()}
      focusRequest={form.focusRequest}
      aria-label={t('account.changePassword')}
    >
      <FormTextField
        form={form}
        name="currentPassword"
        label={t(forced ? 'account.temporaryPassword' : 'account.currentPassword')}
        type="password"
        autoComplete="current-password"
        autoFocus={forced}
        fullWidth
        margin="dense"
      />
      <FormTextField
        form={form}
        name="newPassword"
        label={t('account.newPassword')}
        type="password"
        autoComplete="new-password"
        fullWidth
        margin="dense"
      />
      <PasswordStrength
        password={form.values.newPassword}
        username={session.username}
        fullName={session.fullName}
      />
      <FormTextField
        form={form}
        name="confirmPassword"
        label={t('account.confirmPassword')}
        type="password"
        autoComplete="new-password"
        fullWidth
        margin="dense"
      />
      <ErrorAlert failure={change.failure} shownPaths={['currentPassword', 'newPassword']} sx={{ mt: 1 }} />
      {saved ? (
        <Alert severity="success" role="status" sx={{ mt: 1 }}>
          {t('account.passwordSaved')}
        </Alert>
      ) : null}
      <SubmitButton busy={change.busy} sx={{ mt: 2 }}>
        {t('account.savePassword')}
      </SubmitButton>
    </Form>
  );
}
