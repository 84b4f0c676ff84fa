import { Box, CircularProgress, Typography } from '@mui/material';
import { useDelayedFlag } from '../api/hooks';
import { useT } from '../app/i18n';

/** A loading indicator that appears only if the wait passes 200 ms, so quick answers do not flicker. */
export function DelayedProgress({ active, label }: { active: boolean; label?: string }) {
  const t = useT();
  const shown = useDelayedFlag(active);
  if (!shown) return null;
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 2 }}>
      <CircularProgress size={22} aria-hidden />
      <Typography>{label ?? t('app.loading')}</Typography>
    </Box>
  );
}
