import { AppBar, Box, Button, Toolbar, Typography } from '@mui/material';
import type { SessionInfo } from '../../shared/contract';
import { useQuery } from '../api/hooks';
import { useT } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { SessionActions } from '../features/lock/SessionActions';
import { ClinicalNav } from '../features/patients/ClinicalNav';
import { useSession } from './session';

/** App name (and facility once signed in), who is signed in, the language switch and sign-out. */
export function TopBar() {
  const t = useT();
  const { session } = useSession();
  return (
    <AppBar position="static" elevation={0}>
      <Toolbar sx={{ gap: 2 }}>
        <Typography variant="h3" component="div" sx={{ fontWeight: 700 }}>
          {t('app.name')}
        </Typography>
        {session ? <FacilityName /> : null}
        {session ? <ClinicalNav session={session} /> : null}
        <Box sx={{ flexGrow: 1 }} />
        {session ? <SessionActions session={session} /> : null}
        {session ? <SignedInUser session={session} /> : null}
        <LanguageSwitch />
      </Toolbar>
    </AppBar>
  );
}

function FacilityName() {
  const summary = useQuery('home.summary', {});
  if (!summary.data) return null;
  return (
    <Typography component="div" data-testid="appbar-facility" sx={{ opacity: 0.9, fontSize: '1.05rem' }}>
      {summary.data.facility.name}
    </Typography>
  );
}

function SignedInUser({ session }: { session: SessionInfo }) {
  const t = useT();
  const { signOut } = useSession();
  return (
    <>
      <Box sx={{ textAlign: 'right', lineHeight: 1.2 }}>
        <Typography component="div" data-testid="appbar-user" sx={{ fontWeight: 600 }}>
          {t('app.signedInAs', { name: session.fullName })}
        </Typography>
        <Typography component="div" variant="body2" sx={{ opacity: 0.85 }}>
          {t(`role.${session.role}`)}
        </Typography>
      </Box>
      <Button color="inherit" variant="outlined" onClick={() => void signOut()}>
        {t('app.signOut')}
      </Button>
    </>
  );
}
