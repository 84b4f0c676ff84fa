import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Result } from '../../../shared/contract';
import { useAction } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';

/**
 * Sensitive admin actions answer REAUTH_REQUIRED until the admin re-enters their password (valid 5 minutes in
 * the core). `guarded(action)` runs it, asks for the password when needed, then runs it once more.
 */
export function useReauth(): {
  guarded<T>(action: () => Promise<Result<T>>): Promise<Result<T>>;
  dialog: ReactNode;
} {
  const t = useT();
  const [open, setOpen] = useState(false);
  const pending = useRef<((confirmed: boolean) => void) | null>(null);
  const form = useForm({ password: '' });
  const confirm = useAction('auth.confirmPassword');

  const guarded = useCallback(async <T,>(action: () => Promise<Result<T>>): Promise<Result<T>> => {
    const first = await action();
    if (first.ok || first.code !== 'REAUTH_REQUIRED') return first;
    const confirmed = await new Promise<boolean>((resolve) => {
      pending.current = resolve;
      setOpen(true);
    });
    return confirmed ? action() : first;
  }, []);

  const close = (confirmed: boolean) => {
    setOpen(false);
    form.set('password', '');
    confirm.reset();
    pending.current?.(confirmed);
    pending.current = null;
  };
  const submit = async () => {
    const result = await confirm.run({ password: form.values.password });
    form.set('password', '');
    if (!result.ok) {
      form.showFailure(result);
      return;
    }
    close(true);
  };

  const dialog = (
    <Dialog open={open} onClose={() => close(false)} aria-labelledby="reauth-title">
      <Form enterSubmits onSubmit={() => void submit()} focusRequest={form.focusRequest}>
        <DialogTitle id="reauth-title">{t('admin.confirmTitle')}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 1 }}>{t('admin.confirmBody')}</Typography>
          <FormTextField
            form={form}
            name="password"
            label={t('admin.confirmPassword')}
            type="password"
            autoComplete="current-password"
            autoFocus
            fullWidth
          />
          <ErrorAlert failure={confirm.failure} shownPaths={['password']} sx={{ mt: 1 }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => close(false)}>{t('admin.cancel')}</Button>
          <SubmitButton busy={confirm.busy} size="medium">
            {t('admin.confirm')}
          </SubmitButton>
        </DialogActions>
      </Form>
    </Dialog>
  );
  return { guarded, dialog };
}
