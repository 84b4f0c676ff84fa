import { Box, Link, Paper, Typography } from '@mui/material';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';

const REFRESH_MS = 30_000;

/** A clinician's lists for the day on home: appointments due today and missed, each count opening its list. */
export function TodaysLists() {
  const { t } = useI18n();
  const today = useQuery('visits.appointments', { list: 'today', limit: 1 }, { refreshMs: REFRESH_MS });
  const missed = useQuery('visits.appointments', { list: 'missed', limit: 1 }, { refreshMs: REFRESH_MS });
  const line = (label: string, total: number | undefined, list: 'today' | 'missed') => (
    <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', py: 1 }}>
      <Link
        component="button"
        type="button"
        onClick={() => navigate('appointments', { list })}
        sx={{ fontSize: '1rem' }}
        data-testid={`home-appointments-${list}`}
      >
        {label}
      </Link>
      <Typography variant="h2" component="span" data-testid={`count-appointments-${list}`}>
        {total ?? '…'}
      </Typography>
    </Box>
  );
  return (
    <Paper variant="outlined" sx={{ p: 3, mb: 3 }} aria-label={t('visits.appointments.home')}>
      <Typography variant="overline" color="text.secondary">
        {t('visits.appointments.home')}
      </Typography>
      {line(t('visits.appointments.homeToday'), today.data?.total, 'today')}
      {line(t('visits.appointments.homeMissed'), missed.data?.total, 'missed')}
    </Paper>
  );
}
