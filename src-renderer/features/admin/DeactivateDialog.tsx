import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { Failure, Result } from '../../../shared/contract';
import type { UserSummary } from '../../../shared/contract/channels/users';
import { invoke, onEvent } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';

type Guarded = <T>(action: () => Promise<Result<T>>) => Promise<Result<T>>;

/**
 * Deactivation re-keys the database (so an old backup + the old password stop opening today's file); the
 * core reports its progress with `keys.progress`, shown here while the admin waits.
 */
export function DeactivateDialog({
  user,
  guarded,
  onClose,
}: {
  user: UserSummary | null;
  guarded: Guarded;
  onClose(result: Result<unknown> | null): void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  useEffect(() => onEvent('keys.progress', (p) => setPercent(p.step === 'done' ? null : p.percent)), []);
  const submit = async () => {
    if (!user) return;
    setPercent(0);
    const result = await guarded(() => invoke('users.deactivate', { id: user.id, reason }));
    setPercent(null);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    setReason('');
    setFailure(null);
    onClose(result);
  };
  return (
    <Dialog open={user !== null} onClose={() => onClose(null)} aria-labelledby="deactivate-title">
      <DialogTitle id="deactivate-title">
        {t('users.deactivateTitle', { name: user?.fullName ?? '' })}
      </DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 1 }}>{t('users.deactivateBody', { name: user?.fullName ?? '' })}</Typography>
        <Typography sx={{ mb: 2 }} color="text.secondary">
          {t('users.deactivateKeys')}
        </Typography>
        <TextField
          label={t('users.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          fullWidth
          autoFocus
          disabled={percent !== null}
          slotProps={{ htmlInput: { 'data-path': 'reason' } }}
        />
        {percent !== null ? (
          <>
            <LinearProgress variant="determinate" value={percent} sx={{ mt: 2 }} />
            <Typography variant="body2" sx={{ mt: 1 }} role="status">
              {t('users.rotating', { percent: String(percent) })}
            </Typography>
          </>
        ) : null}
        <ErrorAlert failure={failure} sx={{ mt: 1 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(null)} disabled={percent !== null}>
          {t('admin.cancel')}
        </Button>
        <Button variant="contained" color="warning" disabled={percent !== null} onClick={() => void submit()}>
          {t('users.deactivate')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Plain words on what an old backup still opens, for a deactivated account. */
export function OldBackupsNote({ user }: { user: UserSummary }) {
  const { t, language } = useI18n();
  if (user.active || !user.oldBackups) return null;
  const { count, newestAt } = user.oldBackups;
  return (
    <Typography variant="caption" component="p" sx={{ mt: 0.5, maxWidth: 360 }}>
      {count === 0 || !newestAt
        ? t('users.noOldBackups')
        : t('users.oldBackups', {
            count: count.toLocaleString(language),
            date: new Date(newestAt).toLocaleDateString(language, { dateStyle: 'medium' }),
          })}
    </Typography>
  );
}
