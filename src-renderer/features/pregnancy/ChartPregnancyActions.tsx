import { Button } from '@mui/material';
import { roleHas } from '../../../shared/contract';
import type { PatientChart } from '../../../shared/contract/channels/patients';
import { useQuery } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';

// The ages a pregnancy can be registered at; the core refuses others with the reason (pregnancy service).
const MIN_AGE = 10;
const MAX_AGE = 55;

/** The chart's pregnancy buttons: open the active pregnancy, or register one for an eligible woman. */
export function ChartPregnancyActions({ chart }: { chart: PatientChart }) {
  const p = chart.patient;
  if (p.sex !== 'female' || p.voided || p.mergedInto) return null;
  return <PregnancyButtons chart={chart} />;
}

function PregnancyButtons({ chart }: { chart: PatientChart }) {
  const t = useT();
  const { session } = useSession();
  const list = useQuery('pregnancy.ofPatient', { patientId: chart.patient.id });
  const pregnancies = list.data?.pregnancies ?? [];
  const active = pregnancies.find((g) => g.status === 'active' && !g.voided);
  const latest = pregnancies.find((g) => !g.voided);
  const canWrite = session ? roleHas(session.role, 'pregnancy.write') : false;
  const years = chart.age.years;
  const eligible = years >= MIN_AGE && years <= MAX_AGE;
  if (!list.data) return null;
  if (active) {
    return (
      <Button
        variant="outlined"
        color="secondary"
        data-testid="chart-open-pregnancy"
        onClick={() => navigate('pregnancy.view', { pregnancyId: active.id })}
      >
        {t('pregnancy.chart.open')}
      </Button>
    );
  }
  return (
    <>
      {canWrite && eligible ? (
        <Button
          variant="outlined"
          color="secondary"
          data-testid="chart-register-pregnancy"
          onClick={() => navigate('pregnancy.register', { patientId: chart.patient.id })}
        >
          {t('pregnancy.chart.register')}
        </Button>
      ) : null}
      {latest ? (
        <Button onClick={() => navigate('pregnancy.view', { pregnancyId: latest.id })}>
          {t('pregnancy.chart.last')}
        </Button>
      ) : null}
    </>
  );
}
