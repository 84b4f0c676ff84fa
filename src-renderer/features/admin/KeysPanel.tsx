import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Failure } from '../../../shared/contract';
import { invoke } from '../../api/client';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReauth } from './ReauthDialog';

/** New recovery code (shown once, printable) and database re-key, for the administrator. */
export function KeysPanel() {
  const t = useT();
  const { guarded, dialog } = useReauth();
  const [code, setCode] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [rekeyed, setRekeyed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const newCode = async () => {
    const result = await guarded(() => invoke('auth.newRecoveryCode', {}));
    setFailure(result.ok ? null : result);
    if (result.ok) setCode(result.value.recoveryCode);
  };
  const rekey = async () => {
    setBusy(true);
    const result = await invoke('database.rekey', { password, rotateMasterKey: false });
    setBusy(false);
    setPassword('');
    setFailure(result.ok ? null : result);
    if (result.ok) setRekeyed(result.value.backupFile);
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, mb: 3 }} aria-label={t('keys.title')}>
      <Typography variant="h2" gutterBottom>
        {t('keys.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('keys.body')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Button variant="outlined" onClick={() => void newCode()}>
          {t('keys.newCode')}
        </Button>
        <TextField
          size="small"
          type="password"
          label={t('keys.rekeyPassword')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button variant="outlined" color="warning" disabled={busy || !password} onClick={() => void rekey()}>
          {t('keys.rekey')}
        </Button>
      </Stack>
      <ErrorAlert failure={failure} sx={{ mt: 2 }} />
      {rekeyed ? (
        <Alert severity="success" role="status" sx={{ mt: 2 }}>
          {t('keys.rekeyed', { file: rekeyed })}
        </Alert>
      ) : null}
      <Dialog open={code !== null} onClose={() => setCode(null)} aria-labelledby="code-title">
        <DialogTitle id="code-title">{t('keys.codeTitle')}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>{t('keys.codeBody')}</Typography>
          <Box
            data-testid="new-recovery-code"
            sx={{
              fontFamily: 'monospace',
              fontSize: '1.5rem',
              letterSpacing: 2,
              textAlign: 'center',
              userSelect: 'all',
            }}
          >
            {code}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => window.print()}>{t('keys.print')}</Button>
          <Button variant="contained" onClick={() => setCode(null)}>
            {t('admin.close')}
          </Button>
        </DialogActions>
      </Dialog>
      {dialog}
    </Paper>
  );
}
