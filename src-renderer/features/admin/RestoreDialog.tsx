import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { Failure } from '../../../shared/contract';
import { invoke } from '../../api/client';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReauth } from './ReauthDialog';
import { useRestoreCredentials } from './restore-credentials';

/** Restore one backup file: opened with a password of its time or the recovery code; everyone signs in again. */
export function RestoreDialog({ file, onClose }: { file: string | null; onClose(): void }) {
  const t = useT();
  const { refresh } = useSession();
  const { guarded, dialog } = useReauth();
  const restoreWith = useRestoreCredentials();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const name = file?.split(/[\\/]/).pop() ?? '';

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    const credentials = restoreWith.credentials();
    const result = await guarded(() => invoke('backup.restore', { file, credentials }));
    setBusy(false);
    restoreWith.clearPassword();
    if (!result.ok) {
      setFailure(result);
      return;
    }
    onClose();
    await refresh();
  };

  return (
    <>
      <Dialog open={file !== null} onClose={onClose} aria-labelledby="restore-title" maxWidth="sm" fullWidth>
        <DialogTitle id="restore-title">{t('backups.restoreTitle', { file: name })}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>{t('backups.restoreBody')}</Typography>
          <Stack spacing={2}>{restoreWith.fields}</Stack>
          <ErrorAlert failure={failure} sx={{ mt: 2 }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('admin.cancel')}</Button>
          <Button variant="contained" color="warning" disabled={busy} onClick={() => void submit()}>
            {t('backups.restoreNow')}
          </Button>
        </DialogActions>
      </Dialog>
      {dialog}
    </>
  );
}
