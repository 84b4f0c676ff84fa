import { Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { actorHas } from '../../../shared/contract';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { navigate, type RouteName } from '../../app/router';
import { useSession } from '../../app/session';
import { PatientSearch } from '../patients/PatientSearch';
import { TodaysLists } from './TodaysLists';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Live figures refresh this often while the home page is open, and whenever the window regains focus. */
const REFRESH_MS = 30_000;

export function HomeScreen() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const summary = useQuery('home.summary', {}, { refreshMs: REFRESH_MS });
  const data = summary.data;
  const clinical = session ? actorHas(session, 'patients.read') : false;
  const admin = session ? actorHas(session, 'users.manage') : false;

  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {session ? t('home.welcome', { name: session.fullName }) : t('home.title')}
      </Typography>
      <ErrorAlert failure={summary.failure} sx={{ mb: 2 }} />
      {clinical ? (
        <Paper variant="outlined" sx={{ p: 2, mb: 3 }} aria-label={t('home.findPatient')}>
          <PatientSearch
            autoFocus
            label={t('home.findPatient')}
            onOpen={(p) => navigate('patients.chart', { patientId: p.id })}
          />
        </Paper>
      ) : null}
      {clinical ? <TodaysLists /> : null}
      {!clinical && admin ? (
        <Paper
          variant="outlined"
          sx={{ p: 3, mb: 3 }}
          aria-label={t('home.nextSteps')}
          data-testid="home-next-steps"
        >
          <Typography variant="overline" color="text.secondary">
            {t('home.nextSteps')}
          </Typography>
          <Typography sx={{ mb: 2 }}>{t('home.addStaffHint')}</Typography>
          <Button variant="contained" onClick={() => navigate('admin.users')}>
            {t('home.addStaff')}
          </Button>
        </Paper>
      ) : null}
      {!data ? <DelayedProgress active={summary.busy} /> : null}
      {data ? (
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Paper variant="outlined" sx={{ p: 3, flex: '2 1 420px' }} aria-label={t('home.facility')}>
            <Typography variant="overline" color="text.secondary">
              {t('home.facility')}
            </Typography>
            <Typography variant="h2" data-testid="facility-name" sx={{ mb: 2 }}>
              {data.facility.name}
            </Typography>
            <Fact label={t('home.code')}>{data.facility.code}</Fact>
            <Fact label={t('home.district')}>{data.facility.district || '—'}</Fact>
            <Fact label={t('home.country')}>{data.facility.country || '—'}</Fact>
          </Paper>
          <Paper variant="outlined" sx={{ p: 3, flex: '1 1 300px' }} aria-label={t('home.glance')}>
            <Typography variant="overline" color="text.secondary">
              {t('home.glance')}
            </Typography>
            <Count
              label={t('home.activeStaff')}
              value={data.counts.activeStaff}
              testId="count-active-staff"
              to={admin ? 'admin.users' : undefined}
            />
            <Count label={t('home.signInsToday')} value={data.counts.signInsToday} testId="count-sign-ins" />
            <Count
              label={t('patients.home.registered')}
              value={data.counts.patients}
              testId="count-patients"
              to={clinical ? 'patients' : undefined}
            />
            <Count
              label={t('patients.home.visitsToday')}
              value={data.counts.visitsToday}
              testId="count-visits-today"
            />
            <Count
              label={t('patients.home.openReferrals')}
              value={data.counts.openReferrals}
              testId="count-open-referrals"
              to={clinical ? 'referrals' : undefined}
            />
          </Paper>
        </Stack>
      ) : null}
      {data ? (
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
          <Typography color="text.secondary" variant="body2">
            {t('home.updatedAt', {
              time: new Date(summary.fetchedAt).toLocaleTimeString(language, { timeStyle: 'short' }),
            })}
          </Typography>
          <Button onClick={summary.reload} disabled={summary.busy}>
            {t('home.refresh')}
          </Button>
        </Stack>
      ) : null}
    </Box>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 1, py: 0.5 }}>
      <Typography color="text.secondary" sx={{ minWidth: 160 }}>
        {label}
      </Typography>
      <Typography sx={{ fontWeight: 600 }}>{children}</Typography>
    </Box>
  );
}

/** A figure; when the list behind it is one this person may open, the label is a link to it. */
function Count({
  label,
  value,
  testId,
  to,
}: {
  label: string;
  value: number;
  testId: string;
  to?: Extract<RouteName, 'admin.users' | 'patients' | 'referrals'> | undefined;
}) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', py: 1 }}>
      {to ? (
        <Link component="button" type="button" onClick={() => navigate(to)} sx={{ fontSize: '1rem' }}>
          {label}
        </Link>
      ) : (
        <Typography>{label}</Typography>
      )}
      <Typography variant="h2" component="span" data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}
