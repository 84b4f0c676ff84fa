import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { EXIT_TYPES, type EpisodeDetail } from '../../../shared/contract/channels/cmam';
import { validateInput } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm, type FormState } from '../../components/use-form';
import { FormCheck, FormSelect } from '../patients/fields';
import { todayText } from '../patients/format';
import { cmamLabels } from './labels';

const STALE = [
  'cmam.episode',
  'cmam.caseload',
  'cmam.defaulters',
  'cmam.dashboard',
  'cmam.stock',
  'patients.chart',
] as const;

/** Exit type and date, the same on the exit form and on its correction. */
export function ExitFields({ form }: { form: FormState<{ exitType: string; exitDate: string }> }) {
  const { t } = useI18n();
  return (
    <Stack direction="row" spacing={2}>
      <FormSelect
        form={form}
        name="exitType"
        label={t('cmam.field.exitType')}
        required
        options={EXIT_TYPES.map((x) => ({ value: x, label: cmamLabels.exit(t, x) }))}
      />
      <FormTextField
        form={form}
        name="exitDate"
        label={t('cmam.field.exitDate')}
        type="date"
        required
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayText() } }}
      />
    </Stack>
  );
}

/**
 * A wrongly recorded exit, corrected through the history: another exit type or date, or the
 * episode reopened, always with a reason; the core keeps the old values in the history and audits the change.
 */
export function ExitCorrectionForm({ detail }: { detail: EpisodeDetail }) {
  const { t } = useI18n();
  const correct = useAction('cmam.correctExit', { invalidates: STALE });
  const { episode } = detail;
  const [done, setDone] = useState(false);
  const form = useForm({
    exitType: episode.exitType ?? '',
    exitDate: episode.exitDate ?? '',
    notes: episode.exitNotes ?? '',
    reopen: false,
    reason: '',
  });
  const v = form.values;
  const submit = async () => {
    setDone(false);
    const input = {
      episodeId: episode.id,
      expectedVersion: episode.version,
      exitType: v.reopen ? null : (v.exitType as (typeof EXIT_TYPES)[number]),
      exitDate: v.reopen ? null : v.exitDate,
      notes: v.notes,
      reason: v.reason,
    };
    const problems = validateInput('cmam.correctExit', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await correct.run(input);
    if (!result.ok) return form.showFailure(result);
    setDone(true);
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2" gutterBottom>
        {t('cmam.correct.title')}
      </Typography>
      <Typography sx={{ mb: 1 }}>{t('cmam.correct.help')}</Typography>
      <Form
        onSubmit={() => void submit()}
        focusRequest={form.focusRequest}
        aria-label={t('cmam.correct.title')}
      >
        <FormCheck form={form} name="reopen" label={t('cmam.correct.reopen')} path="exitDate" />
        {v.reopen ? null : <ExitFields form={form} />}
        <FormTextField form={form} name="notes" label={t('cmam.field.notes')} fullWidth />
        <FormTextField
          form={form}
          name="reason"
          label={t('cmam.correct.reason')}
          required
          fullWidth
          slotProps={{ htmlInput: { 'data-testid': 'cmam-correct-reason' } }}
        />
        <ErrorAlert
          failure={correct.failure}
          shownPaths={
            correct.failure?.code === 'VALIDATION' ? ['exitType', 'exitDate', 'notes', 'reason'] : []
          }
          sx={{ mt: 1 }}
        />
        {done ? (
          <Alert severity="success" sx={{ mt: 1 }} data-testid="cmam-correct-done">
            {t('cmam.correct.done')}
          </Alert>
        ) : null}
        <SubmitButton busy={correct.busy} sx={{ mt: 1 }} data-testid="cmam-correct-save">
          {t('cmam.correct.save')}
        </SubmitButton>
      </Form>
    </Paper>
  );
}
