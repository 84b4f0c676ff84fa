import { Alert, Button, Collapse, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Failure } from '../../../shared/contract';
import { invoke } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Restore without signing in: on a new PC (setup screen) or when the database is found damaged (sign-in
 * screen). The core allows it only where no working database would be overwritten.
 */
export function RestoreOffer({ open: initiallyOpen = false }: { open?: boolean }) {
  const { t, language } = useI18n();
  const { refresh } = useSession();
  const [open, setOpen] = useState(initiallyOpen);
  const [file, setFile] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    const credentials = recoveryCode.trim()
      ? ({ kind: 'recovery', recoveryCode } as const)
      : ({ kind: 'password', username, password } as const);
    const result = await invoke('backup.restoreWithoutSignIn', { file, credentials });
    setBusy(false);
    setPassword('');
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
          <TextField
            label={t('backups.restoreUser')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <TextField
            type="password"
            label={t('backups.restorePassword')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            label={t('backups.recoveryCode')}
            value={recoveryCode}
            onChange={(e) => setRecoveryCode(e.target.value)}
          />
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
