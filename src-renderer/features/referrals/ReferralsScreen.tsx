import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { actorHas } from '../../../shared/contract';
import { REFERRAL_OUTCOMES, type OpenReferral } from '../../../shared/contract/channels/referrals';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { RouteLink } from '../../app/router';
import { useSession } from '../../app/session';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';
import { FormTextField } from '../../components/FormTextField';
import { useForm } from '../../components/use-form';
import { FormSelect } from '../patients/fields';
import { dateText, fullName, todayText } from '../patients/format';
import { labels } from '../patients/labels';

/** Open referrals, most urgent and oldest first, with the feedback recorded here when it comes back. */
export function ReferralsScreen() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const list = useQuery('referrals.listOpen', {}, { refreshMs: 60_000 });
  const [feedbackFor, setFeedbackFor] = useState<OpenReferral | null>(null);
  const canWrite = session ? actorHas(session, 'referrals.write') : false;
  const rows = list.data?.referrals ?? [];
  return (
    <Box sx={{ p: 3, maxWidth: 1300, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('referrals.list.title')}
      </Typography>
      <ErrorAlert failure={list.failure} />
      <DelayedProgress active={list.busy && !list.data} />
      {list.data ? (
        <Paper variant="outlined">
          <SimpleTable
            label={t('referrals.list.title')}
            columns={[
              t('referrals.field.date'),
              t('referrals.list.patient'),
              t('referrals.field.facility'),
              t('referrals.field.urgency'),
              t('referrals.field.reason'),
              t('referrals.list.daysOpen'),
              null,
            ]}
          >
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={7}>{t('referrals.list.empty')}</TableCell>
              </TableRow>
            ) : null}
            {rows.map((r) => (
              <TableRow key={r.id} data-testid="open-referral">
                <TableCell>{dateText(language, r.referralDate)}</TableCell>
                <TableCell>
                  <RouteLink to="patients.chart" params={{ patientId: r.patientId }}>
                    {fullName(r.patient)}
                  </RouteLink>
                  <Typography variant="body2" color="text.secondary">
                    {r.patient.registrationNumber} {r.patient.caregiverPhone || r.patient.phone}
                  </Typography>
                </TableCell>
                <TableCell>
                  {r.facilityName}
                  <Typography variant="body2" color="text.secondary">
                    {r.facilityPhone}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={r.urgency === 'routine' ? 'default' : 'warning'}
                    label={labels.urgency(t, r.urgency)}
                  />
                </TableCell>
                <TableCell>{r.reason}</TableCell>
                <TableCell>{r.daysOpen}</TableCell>
                <TableCell>
                  {canWrite ? (
                    <Button onClick={() => setFeedbackFor(r)}>{t('referrals.feedback.open')}</Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </SimpleTable>
        </Paper>
      ) : null}
      {list.data && list.data.total > rows.length ? (
        <Typography sx={{ mt: 1 }}>
          {t('referrals.list.more', { shown: rows.length, total: list.data.total })}
        </Typography>
      ) : null}
      {feedbackFor ? <FeedbackDialog referral={feedbackFor} onClose={() => setFeedbackFor(null)} /> : null}
    </Box>
  );
}

function FeedbackDialog({ referral, onClose }: { referral: OpenReferral; onClose(): void }) {
  const t = useI18n().t;
  const form = useForm({ feedbackDate: todayText(), outcome: '', notes: '' });
  const save = useAction('referrals.recordFeedback', {
    invalidates: ['referrals.listOpen', 'patients.chart', 'home.summary'],
  });
  const submit = async () => {
    const input = {
      id: referral.id,
      expectedVersion: referral.version,
      feedbackDate: form.values.feedbackDate,
      outcome: form.values.outcome as (typeof REFERRAL_OUTCOMES)[number],
      notes: form.values.notes,
    };
    const problems = validateInput('referrals.recordFeedback', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await save.run(input);
    if (result.ok) onClose();
    else form.showFailure(result);
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogTitle>
          {t('referrals.feedback.title', {
            name: fullName(referral.patient),
            facility: referral.facilityName,
          })}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={1}>
            <FormTextField
              form={form}
              name="feedbackDate"
              label={t('referrals.feedback.date')}
              type="date"
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <FormSelect
              form={form}
              name="outcome"
              path="outcome"
              label={t('referrals.feedback.outcome')}
              options={REFERRAL_OUTCOMES.map((o) => ({ value: o, label: labels.outcome(t, o) }))}
            />
            <FormTextField
              form={form}
              name="notes"
              label={t('referrals.feedback.notes')}
              multiline
              minRows={2}
            />
            <ErrorAlert failure={save.failure} shownPaths={['feedbackDate', 'outcome', 'notes']} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('patients.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={save.busy}>
            {t('referrals.feedback.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
