import { Paper, Stack, Typography } from '@mui/material';
import {
  DELIVERY_MODES,
  DELIVERY_PLACES,
  type PregnancyDetail,
} from '../../../shared/contract/channels/pregnancy';
import { validateInput } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormSelect } from '../patients/fields';
import { sexText, todayText } from '../patients/format';
import { pregnancyLabels as L } from './labels';

/** Delivery outcome: closes the pregnancy; each live-born baby becomes a patient linked to the mother. */
export function DeliveryForm({ detail }: { detail: PregnancyDetail }) {
  const t = useT();
  const save = useAction('pregnancy.recordOutcome', {
    invalidates: ['pregnancy.get', 'patients.chart', 'pregnancy.dueList'],
  });
  const twins = detail.pregnancy.multiplePregnancy;
  const form = useForm({
    date: todayText(),
    place: 'this-facility',
    mode: 'vaginal',
    sex1: 'female',
    weight1: '',
    sex2: 'female',
    weight2: '',
  });
  const v = form.values;
  const baby = (sex: string, weight: string) => ({
    outcome: 'live-birth' as const,
    sex: sex as 'female' | 'male',
    weightKg: weight.trim() === '' ? null : Number(weight),
  });
  const submit = async () => {
    const input = {
      id: detail.pregnancy.id,
      expectedVersion: detail.pregnancy.version,
      outcome: {
        type: 'delivery' as const,
        date: v.date,
        place: v.place as (typeof DELIVERY_PLACES)[number],
        mode: v.mode as (typeof DELIVERY_MODES)[number],
        babies: twins ? [baby(v.sex1, v.weight1), baby(v.sex2, v.weight2)] : [baby(v.sex1, v.weight1)],
      },
    };
    const problems = validateInput('pregnancy.recordOutcome', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await save.run(input);
    if (!result.ok) form.showFailure(result);
  };
  const sexes = ['female', 'male'].map((s) => ({ value: s, label: sexText(t, s as 'female') }));
  return (
    <Form
      onSubmit={() => void submit()}
      focusRequest={form.focusRequest}
      aria-label={t('pregnancy.delivery.title')}
    >
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          {t('pregnancy.delivery.title')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <FormTextField
            form={form}
            name="date"
            path="outcome.date"
            label={t('pregnancy.col.date')}
            type="date"
            required
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <FormSelect
            form={form}
            name="place"
            label={t('pregnancy.field.place')}
            options={DELIVERY_PLACES.map((p) => ({ value: p, label: L.place(t, p) }))}
          />
          <FormSelect
            form={form}
            name="mode"
            label={t('pregnancy.field.mode')}
            options={DELIVERY_MODES.map((m) => ({ value: m, label: L.mode(t, m) }))}
          />
        </Stack>
        {(twins ? [1, 2] : [1]).map((n) => (
          <Stack key={n} direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <FormSelect
              form={form}
              name={n === 1 ? 'sex1' : 'sex2'}
              label={t('pregnancy.delivery.babySex', { n })}
              options={sexes}
            />
            <FormTextField
              form={form}
              name={n === 1 ? 'weight1' : 'weight2'}
              label={t('pregnancy.delivery.babyWeight', { n })}
              inputMode="decimal"
            />
          </Stack>
        ))}
      </Paper>
      <ErrorAlert failure={save.failure} sx={{ mt: 1 }} />
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <SubmitButton busy={save.busy}>{t('pregnancy.delivery.submit')}</SubmitButton>
      </Stack>
    </Form>
  );
}
