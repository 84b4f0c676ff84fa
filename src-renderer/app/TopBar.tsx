import { AppBar, Box, Button, Link, Toolbar, Typography } from '@mui/material';
import { useQuery } from '../api/hooks';
import { useT } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { SessionActions } from '../features/lock/SessionActions';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { ClinicalNav } from '../features/patients/ClinicalNav';
import { href, navigate } from './router';
import { useSession } from './session';

/** App name and facility, the clinical links, Lock, the user's menu and the language switch — one row at 1366 px. */
export function TopBar() {
  const t = useT();
  const { session } = useSession();
  return (
    <AppBar position="static" elevation={0}>
      <Toolbar sx={{ gap: 1.5 }}>
        <Typography variant="h3" component="div" sx={{ fontWeight: 700 }}>
          {session && !session.locked ? (
            <Link href={href('home')} color="inherit" underline="none" data-testid="appbar-logo">
              {t('app.name')}
            </Link>
          ) : (
            t('app.name')
          )}
        </Typography>
        {session ? <FacilityName /> : null}
        {session && !session.locked && !session.mustChangePassword ? (
          <Button color="inherit" onClick={() => navigate('home')} data-testid="nav-home">
            {t('home.nav')}
          </Button>
        ) : null}
        {session ? <ClinicalNav session={session} /> : null}
        <Box sx={{ flexGrow: 1 }} />
        {session && !session.locked && !session.mustChangePassword ? <SyncIndicator /> : null}
        {session ? <SessionActions session={session} /> : null}
        <LanguageSwitch />
      </Toolbar>
    </AppBar>
  );
}

function FacilityName() {
  const summary = useQuery('home.summary', {});
  if (!summary.data) return null;
  return (
    <Typography
      component="div"
      noWrap
      data-testid="appbar-facility"
      title={summary.data.facility.name}
      sx={{ opacity: 0.9, fontSize: '1rem', maxWidth: 220 }}
    >
      {summary.data.facility.name}
    </Typography>
  );
}
