import { Button } from '@mui/material';
import { actorHas, type SessionInfo } from '../../../shared/contract';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';

/** App-bar links to the patient registry, by role (Patients, Referrals, Directory, Antenatal, Import). */
export function ClinicalNav({ session }: { session: SessionInfo }) {
  const t = useT();
  if (session.locked || session.mustChangePassword) return null;
  const can = (p: Parameters<typeof actorHas>[1]) => actorHas(session, p);
  return (
    <>
      {can('patients.read') ? (
        <Button color="inherit" onClick={() => navigate('patients')} data-testid="nav-patients">
          {t('patients.nav.patients')}
        </Button>
      ) : null}
      {can('patients.read') ? (
        <Button color="inherit" onClick={() => navigate('referrals')}>
          {t('patients.nav.referrals')}
        </Button>
      ) : null}
      {can('directory.manage') || can('referrals.write') ? (
        <Button color="inherit" onClick={() => navigate('directory')}>
          {t('patients.nav.directory')}
        </Button>
      ) : null}
      {can('cmam.read') ? (
        <Button color="inherit" onClick={() => navigate('cmam')} data-testid="nav-cmam">
          {t('cmam.nav')}
        </Button>
      ) : null}
      {can('patients.read') ? (
        <Button color="inherit" onClick={() => navigate('pregnancy.lists')} data-testid="nav-anc">
          {t('pregnancy.nav')}
        </Button>
      ) : null}
      {can('patients.read') ? (
        <Button color="inherit" onClick={() => navigate('programmes')}>
          {t('cmam.nav.programmes')}
        </Button>
      ) : null}
      {can('reports.read') ? (
        <Button color="inherit" onClick={() => navigate('reports')} data-testid="nav-reports">
          {t('reports.title')}
        </Button>
      ) : null}
      {can('exports.deidentified') ? (
        <Button color="inherit" onClick={() => navigate('exchange')} data-testid="nav-exchange">
          {t('exchange.nav')}
        </Button>
      ) : null}
      {can('patients.write') ? (
        <Button color="inherit" onClick={() => navigate('imports.patients')}>
          {t('patients.nav.import')}
        </Button>
      ) : null}
    </>
  );
}
