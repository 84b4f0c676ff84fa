import { Box, Button, Paper, Stack, Tab, Tabs, TableCell, TableRow, Typography } from '@mui/material';
import type { MessageKey } from '../../../shared/i18n';
import { APPOINTMENT_LISTS } from '../../../shared/contract/channels/visits';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { navigate, RouteLink } from '../../app/router';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';
import { dateText, fullName } from '../patients/format';
import { labels } from '../patients/labels';
import { usePhoneText } from '../patients/use-phone-text';

type List = (typeof APPOINTMENT_LISTS)[number];
const TITLE = {
  today: 'visits.appointments.today',
  week: 'visits.appointments.week',
  missed: 'visits.appointments.missed',
} as const satisfies Record<List, MessageKey>;

export const appointmentListOf = (param: string): List =>
  (APPOINTMENT_LISTS as readonly string[]).includes(param) ? (param as List) : 'today';

/** Who is due today, this week, or missed an appointment (set at the patient's latest visit); printable. */
export function AppointmentsScreen({ params }: { params: { list: string } }) {
  const { t, language } = useI18n();
  const phone = usePhoneText();
  const list = appointmentListOf(params.list);
  const q = useQuery('visits.appointments', { list });
  const lines = q.data?.lines;
  const title = t(TITLE[list]);
  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
        <Typography variant="h1">{t('visits.appointments.title')}</Typography>
        <Button variant="outlined" onClick={() => window.print()} sx={{ displayPrint: 'none' }}>
          {t('visits.appointments.print')}
        </Button>
      </Stack>
      <Tabs
        value={list}
        onChange={(_e, v: List) => navigate('appointments', { list: v })}
        sx={{ mb: 2, displayPrint: 'none' }}
      >
        {APPOINTMENT_LISTS.map((l) => (
          <Tab key={l} value={l} label={t(TITLE[l])} data-testid={`appointments-tab-${l}`} />
        ))}
      </Tabs>
      <ErrorAlert failure={q.failure} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          {title}
        </Typography>
        {!lines ? (
          <DelayedProgress active={q.busy} />
        ) : lines.length === 0 ? (
          <Typography data-testid="appointments-empty">{t('visits.appointments.empty')}</Typography>
        ) : (
          <SimpleTable
            label={title}
            columns={[
              t('visits.appointments.col.name'),
              t('visits.appointments.col.phone'),
              t('visits.appointments.col.village'),
              t('visits.appointments.col.date'),
              t('visits.appointments.col.lastVisit'),
            ]}
          >
            {lines.map((l) => (
              <TableRow key={l.visitId} data-testid="appointment-line">
                <TableCell>
                  <RouteLink to="patients.chart" params={{ patientId: l.patientId }}>
                    {fullName(l)}
                  </RouteLink>{' '}
                  ({l.registrationNumber})
                </TableCell>
                <TableCell>{phone(l.phone)}</TableCell>
                <TableCell>{l.village}</TableCell>
                <TableCell>{dateText(language, l.appointment)}</TableCell>
                <TableCell>
                  {dateText(language, l.visitDate)} · {labels.visitType(t, l.visitType)}
                </TableCell>
              </TableRow>
            ))}
          </SimpleTable>
        )}
        {q.data && q.data.total > q.data.lines.length ? (
          <Typography sx={{ mt: 1 }} color="text.secondary">
            {t('visits.appointments.more', { shown: q.data.lines.length, total: q.data.total })}
          </Typography>
        ) : null}
      </Paper>
    </Box>
  );
}
