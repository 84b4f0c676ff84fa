import { Box, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { actorHas } from '../../../shared/contract';
import { useQuery } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { ChartPregnancyActions } from '../pregnancy/ChartPregnancyActions';
import { ChartHeader } from './ChartHeader';
import { GrowthPanel } from './GrowthPanel';
import { HistoryDialog } from './HistoryDialog';
import { MergeDialog } from './MergeDialog';
import { Timeline } from './Timeline';

/** The patient chart: header, actions by role, growth chart for under-5s, timeline. */
export function ChartScreen({ params }: { params: { patientId: string } }) {
  const t = useT();
  const { session } = useSession();
  const chart = useQuery('patients.chart', { id: params.patientId });
  const [dialog, setDialog] = useState<'history' | 'merge' | null>(null);
  const can = (p: Parameters<typeof actorHas>[1]) => (session ? actorHas(session, p) : false);
  const data = chart.data;
  const active = data ? !data.patient.voided && !data.patient.mergedInto : false;
  const id = params.patientId;

  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <ErrorAlert failure={chart.failure} sx={{ mb: 2 }} />
      {!data ? <DelayedProgress active={chart.busy} /> : null}
      {data ? (
        <Stack spacing={2}>
          <ChartHeader chart={data} />
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {active && can('visits.write') ? (
              <Button variant="contained" onClick={() => navigate('visits.new', { patientId: id })}>
                {t('patients.chart.newVisit')}
              </Button>
            ) : null}
            {active && can('referrals.write') ? (
              <Button variant="outlined" onClick={() => navigate('referrals.new', { patientId: id })}>
                {t('patients.chart.refer')}
              </Button>
            ) : null}
            {active && data.underFive && can('cmam.write') ? (
              <Button variant="outlined" onClick={() => navigate('cmam.admit', { patientId: id })}>
                {t('cmam.admit.button')}
              </Button>
            ) : null}
            <Button onClick={() => navigate('programmes.patient', { patientId: id })}>
              {t('programmes.patient.button')}
            </Button>
            {active && can('patients.write') ? (
              <Button onClick={() => navigate('patients.edit', { patientId: id })}>
                {t('patients.chart.edit')}
              </Button>
            ) : null}
            <ChartPregnancyActions chart={data} />
            <Button onClick={() => setDialog('history')}>{t('records.history')}</Button>
            {active && can('patients.merge') ? (
              <Button color="warning" onClick={() => setDialog('merge')}>
                {t('patients.merge.open')}
              </Button>
            ) : null}
            <Box sx={{ flexGrow: 1 }} />
            <Button onClick={() => navigate('patients')}>{t('patients.chart.backToSearch')}</Button>
          </Stack>
          {data.underFive ? <GrowthPanel chart={data} /> : null}
          {can('documents.read') ? (
            <DocumentsPanel patientId={id} canWrite={can('documents.write')} active={active} />
          ) : null}
          <Timeline items={data.timeline} />
        </Stack>
      ) : null}
      {dialog === 'history' ? (
        <HistoryDialog entity="patient" id={id} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'merge' && data ? (
        <MergeDialog
          survivor={data.patient}
          onClose={() => setDialog(null)}
          onMerged={() => {
            setDialog(null);
            chart.reload();
          }}
        />
      ) : null}
    </Box>
  );
}
