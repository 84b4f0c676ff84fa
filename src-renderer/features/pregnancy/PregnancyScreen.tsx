import {
  Alert,
  Box,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { formatGestationalAge } from '../../../shared/clinical';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { RouteLink } from '../../app/router';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateText } from '../patients/format';
import { BirthPlanForm } from './BirthPlanForm';
import { ContactForm } from './ContactForm';
import { DeliveryForm } from './DeliveryForm';
import { pregnancyLabels as L } from './labels';
import { PostnatalForm } from './PostnatalForm';
import { PregnancyChart } from './PregnancyChart';

const STATUS_COLOR = {
  attended: 'success',
  upcoming: 'default',
  due: 'info',
  overdue: 'warning',
  missed: 'error',
} as const;

/** The pregnancy page: dating, the 8-contact plan (done / due / missed), contacts, the contact form, delivery. */
export function PregnancyScreen({ params }: { params: { pregnancyId: string } }) {
  const { t, language } = useI18n();
  const detail = useQuery('pregnancy.get', { id: params.pregnancyId });
  const d = detail.data;
  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('pregnancy.page.title')}
      </Typography>
      <ErrorAlert failure={detail.failure} />
      {!d ? (
        <DelayedProgress active />
      ) : (
        <Stack spacing={2}>
          <RouteLink to="patients.chart" params={{ patientId: d.pregnancy.patientId }}>
            {t('patients.chart.header')}
          </RouteLink>
          <Alert severity="info" data-testid="pregnancy-dating">
            {t('pregnancy.live.edd', {
              edd: dateText(language, d.pregnancy.edd),
              ga: d.gestationalAgeDays === null ? '—' : formatGestationalAge(d.gestationalAgeDays),
            })}
          </Alert>
          {d.pregnancy.status === 'closed' ? (
            <Alert severity="success" data-testid="pregnancy-closed">
              {t('pregnancy.delivery.closed', {
                outcome: d.pregnancy.outcomeType ? L.outcome(t, d.pregnancy.outcomeType) : '',
                date: d.pregnancy.outcomeDate ? dateText(language, d.pregnancy.outcomeDate) : '',
              })}
              {d.births.map((b) =>
                b.babyPatientId ? (
                  <div key={b.id}>
                    <RouteLink to="patients.chart" params={{ patientId: b.babyPatientId }}>
                      {b.babyRegistrationNumber}
                    </RouteLink>
                  </div>
                ) : null,
              )}
            </Alert>
          ) : null}
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="h2" gutterBottom>
              {t('pregnancy.page.plan')}
            </Typography>
            <Table size="small" aria-label={t('pregnancy.page.plan')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('pregnancy.col.contact')}</TableCell>
                  <TableCell>{t('pregnancy.col.ga')}</TableCell>
                  <TableCell>{t('pregnancy.col.date')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {d.schedule.map((s) => (
                  <TableRow key={s.number}>
                    <TableCell>{s.number}</TableCell>
                    <TableCell>{s.week}</TableCell>
                    <TableCell>{dateText(language, s.date)}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={STATUS_COLOR[s.status]}
                        label={t(`pregnancy.status.${s.status}`)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
          {d.contacts
            .filter((c) => !c.voided)
            .map((c) => (
              <Typography key={c.id}>
                {`${c.contactNumber}. ${dateText(language, c.contactDate)} · ${formatGestationalAge(c.gaDays)} · ${c.flags.map((f) => L.flag(t, f)).join(', ')}`}
              </Typography>
            ))}
          <PregnancyChart contacts={d.contacts} />
          {d.pregnancy.status === 'active' ? (
            <>
              <ContactForm key={d.contacts.length} detail={d} />
              <BirthPlanForm detail={d} />
              <DeliveryForm detail={d} />
            </>
          ) : null}
          {d.pregnancy.outcomeType === 'delivery' ? (
            <>
              <Paper variant="outlined" sx={{ p: 2 }} data-testid="postnatal-contacts">
                <Typography variant="h2" gutterBottom>
                  {t('pregnancy.postnatal.list')}
                </Typography>
                {d.postnatal
                  .filter((c) => !c.voided)
                  .map((c) => (
                    <Typography key={c.id}>
                      {`${c.contactNumber ?? '—'}. ${dateText(language, c.contactDate)} · ${
                        c.subject === 'mother'
                          ? t('pregnancy.postnatal.mother')
                          : (d.births.find((b) => b.babyPatientId === c.patientId)?.babyRegistrationNumber ??
                            '')
                      }${c.bp ? ` · ${c.bp.systolic}/${c.bp.diastolic}` : ''}`}
                    </Typography>
                  ))}
              </Paper>
              <PostnatalForm key={`pn-${d.postnatal.length}`} detail={d} />
            </>
          ) : null}
        </Stack>
      )}
    </Box>
  );
}
