import { Box, Button, Tooltip, Typography } from '@mui/material';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { syncErrorText } from './sync-text';

/**
 * Always in the app bar while signed in: when the last push went through, how many changes wait, and the
 * last error in plain words; "Sync now" pushes at once (the core also pushes on its own timer).
 */
export function SyncIndicator() {
  const { t, language } = useI18n();
  const status = useQuery('sync.status', {}, { refreshMs: 30_000 });
  const push = useAction('sync.pushNow', { invalidates: ['sync.status'] });
  const s = status.data;
  if (!s) return null;
  const last = s.lastPushAt
    ? t('sync.lastPush', {
        time: new Date(s.lastPushAt).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' }),
      })
    : t('sync.lastPushNever');
  const error = s.errorKind ? syncErrorText(t, s.errorKind) : null;
  const pushing = push.busy || s.pushing;
  return (
    <Box data-testid="appbar-sync" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Tooltip title={error ?? last}>
        <Box sx={{ textAlign: 'right', lineHeight: 1.1 }}>
          <Typography component="div" noWrap variant="body2" data-testid="appbar-sync-last">
            {pushing ? t('sync.pushing') : last}
          </Typography>
          <Typography
            component="div"
            noWrap
            variant="body2"
            data-testid="appbar-sync-waiting"
            sx={{ opacity: 0.85, color: error ? 'warning.light' : undefined, maxWidth: 240 }}
          >
            {error && s.errorKind !== 'notEnrolled'
              ? error
              : [
                  t('sync.waiting', { count: String(s.waiting) }),
                  s.rejectedCount > 0 ? t('sync.rejectedCount', { count: String(s.rejectedCount) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
          </Typography>
        </Box>
      </Tooltip>
      {s.enrolled ? (
        <Button
          color="inherit"
          size="small"
          variant="outlined"
          disabled={pushing}
          data-testid="appbar-sync-now"
          onClick={() => void push.run({}).then(() => status.reload())}
        >
          {t('sync.now')}
        </Button>
      ) : null}
    </Box>
  );
}
