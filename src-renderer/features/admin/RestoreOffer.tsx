import { Alert, Button, Collapse, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Failure } from '../../../shared/contract';
import { invoke } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRestoreCredentials } from './restore-credentials';

/**
 * Restore without signing in: on a new PC (setup screen) or when the database is found damaged (sign-in
 * screen). The core allows it only where no working database would be overwritten.
 */
export function RestoreOffer({ open: initiallyOpen = false }: { open?: boolean }) {
  const { t, language } = useI18n();
  const { refresh } = useSession();
  const [open, setOpen] = useState(initiallyOpen);
  const [file, setFile] = useState('');
  const restoreWith = useRestoreCredentials();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    const credentials = restoreWith.credentials();
    const result = await invoke('backup.restoreWithoutSignIn', { file, credentials });
    setBusy(false);
    restoreWith.clearPassword();
    if (!result.ok) {
      setFailure(result);
      return;
    }
    setFailure(null);
    setRestored(
      new Date(result.value.backupCreatedAt).toLocaleString(language, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    );
    await refresh();
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }} aria-label={t('backups.offerTitle')}>
      <Button onClick={() => setOpen(!open)} aria-expanded={open}>
        {t('backups.offerTitle')}
      </Button>
      {restored ? (
        <Alert severity="success" role="status" sx={{ mt: 1 }}>
          {t('backups.restored', { time: restored })}
        </Alert>
      ) : null}
      <Collapse in={open && !restored}>
        <Typography color="text.secondary" sx={{ my: 1 }}>
          {t('backups.offerBody')}
        </Typography>
        <Stack spacing={2}>
          <TextField
            label={t('backups.file')}
            value={file}
            onChange={(e) => setFile(e.target.value)}
            slotProps={{ htmlInput: { 'data-path': 'file' } }}
          />
          {restoreWith.fields}
          <ErrorAlert failure={failure} />
          <Button
            variant="contained"
            color="warning"
            disabled={busy || !file.trim()}
            onClick={() => void submit()}
          >
            {t('backups.restoreNow')}
          </Button>
        </Stack>
      </Collapse>
    </Paper>
  );
}
