import { Paper, Stack, Typography } from '@mui/material';
import { POSTNATAL_DANGER_SIGNS, type PregnancyDetail } from '../../../shared/contract/channels/pregnancy';
import { validateInput } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormCheck, FormSelect } from '../patients/fields';
import { todayText } from '../patients/format';
import { pregnancyLabels as L } from './labels';

const STALE = ['pregnancy.get', 'patients.chart', 'pregnancy.postnatalDue'] as const;
const BLEEDING = ['normal', 'heavy'] as const;
const FEEDING = ['exclusive', 'partial', 'none'] as const;

function bp(s: string) {
  const m = /^\s*(\d{2,3})\s*\/\s*(\d{2,3})\s*$/.exec(s);
  return m ? { systolic: Number(m[1]), diastolic: Number(m[2]) } : null;
}
const num = (s: string) => (s.trim() === '' || Number.isNaN(Number(s)) ? null : Number(s));
const pick = <T extends string>(list: readonly T[], s: string): T | null =>
  (list as readonly string[]).includes(s) ? (s as T) : null;

/** A postnatal contact of the mother or a live-born baby (within 24 h, day 3, days 7–14, 6 weeks). */
export function PostnatalForm({ detail }: { detail: PregnancyDetail }) {
  const t = useT();
  const record = useAction('pregnancy.recordPostnatal', { invalidates: STALE });
  const babies = detail.births.filter((b) => b.babyPatientId !== null);
  const form = useForm({
    subject: 'mother',
    contactDate: todayText(),
    bp: '',
    bleeding: '',
    breastfeeding: '',
    dangerSign: '',
    familyPlanning: false,
    weightKg: '',
  });
  const v = form.values;
  const submit = async () => {
    const baby = babies.find((b) => b.babyPatientId === v.subject);
    const input = {
      pregnancyId: detail.pregnancy.id,
      subject: baby ? ('baby' as const) : ('mother' as const),
      babyPatientId: baby?.babyPatientId ?? null,
      contactDate: v.contactDate,
      bp: bp(v.bp),
      bleeding: pick(BLEEDING, v.bleeding),
      breastfeeding: pick(FEEDING, v.breastfeeding),
      dangerSigns: v.dangerSign ? [pick(POSTNATAL_DANGER_SIGNS, v.dangerSign)!] : [],
      familyPlanning: v.familyPlanning,
      weightKg: num(v.weightKg),
      notes: '',
    };
    const problems = validateInput('pregnancy.recordPostnatal', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await record.run(input);
    if (!result.ok) form.showFailure(result);
  };
  const subjects = [
    { value: 'mother', label: t('pregnancy.postnatal.mother') },
    ...babies.map((b) => ({
      value: b.babyPatientId ?? '',
      label: t('pregnancy.postnatal.baby', { n: b.birthOrder }),
    })),
  ];
  return (
    <Form
      onSubmit={() => void submit()}
      focusRequest={form.focusRequest}
      aria-label={t('pregnancy.postnatal.title')}
    >
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          {t('pregnancy.postnatal.title')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <FormSelect
            form={form}
            name="subject"
            label={t('pregnancy.postnatal.subject')}
            options={subjects}
          />
          <FormTextField
            form={form}
            name="contactDate"
            label={t('pregnancy.field.contactDate')}
            type="date"
            required
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <FormTextField form={form} name="bp" label={t('pregnancy.postnatal.bp')} />
          <FormTextField
            form={form}
            name="weightKg"
            label={t('pregnancy.field.weight')}
            inputMode="decimal"
          />
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
          <FormSelect
            form={form}
            name="bleeding"
            label={t('pregnancy.postnatal.bleeding')}
            options={BLEEDING.map((b) => ({ value: b, label: t(`pregnancy.postnatal.bleeding.${b}`) }))}
          />
          <FormSelect
            form={form}
            name="breastfeeding"
            label={t('pregnancy.postnatal.breastfeeding')}
            options={FEEDING.map((f) => ({ value: f, label: t(`pregnancy.postnatal.feeding.${f}`) }))}
          />
          <FormSelect
            form={form}
            name="dangerSign"
            path="dangerSigns"
            label={t('pregnancy.postnatal.danger')}
            options={POSTNATAL_DANGER_SIGNS.map((d) => ({ value: d, label: L.postnatalDanger(t, d) }))}
          />
        </Stack>
        <FormCheck form={form} name="familyPlanning" label={t('pregnancy.postnatal.fp')} />
      </Paper>
      <ErrorAlert failure={record.failure} sx={{ mt: 1 }} />
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <SubmitButton busy={record.busy}>{t('pregnancy.postnatal.submit')}</SubmitButton>
      </Stack>
    </Form>
  );
}
