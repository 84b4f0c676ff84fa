import { TextField } from '@mui/material';
import { useState } from 'react';
import { useT } from '../../app/i18n';

/**
 * What opens a backup: a username and password of its time, or the recovery code (which wins when given).
 * `fields` are the three text fields; `credentials()` reads them for backup.restore*.
 */
export function useRestoreCredentials() {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const credentials = () =>
    recoveryCode.trim()
      ? ({ kind: 'recovery', recoveryCode } as const)
      : ({ kind: 'password', username, password } as const);
  const fields = (
    <>
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
    </>
  );
  return { fields, credentials, clearPassword: () => setPassword('') };
}
