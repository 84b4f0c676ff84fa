import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { ancContactFlags, DANGER_SIGNS, type DangerSign } from '../../../shared/clinical';
import type { AncFlag, PregnancyDetail } from '../../../shared/contract/channels/pregnancy';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormCheck, FormSelect } from '../patients/fields';
import { todayText } from '../patients/format';
import { pregnancyLabels as L } from './labels';

const STALE = ['pregnancy.get', 'patients.chart', 'pregnancy.dueList', 'pregnancy.missedList'] as const;

function bp(s: string) {
  const m = /^\s*(\d{2,3})\s*\/\s*(\d{2,3})\s*$/.exec(s);
  return m ? { systolic: Number(m[1]), diastolic: Number(m[2]) } : null;
}
const num = (s: string) => (s.trim() === '' || Number.isNaN(Number(s)) ? null : Number(s));

/** One antenatal contact: flags live from the shared rules; a danger sign shows the urgent-referral banner. */
export function ContactForm({ detail }: { detail: PregnancyDetail }) {
  const t = useT();
  const record = useAction('pregnancy.recordContact', { invalidates: STALE });
  const refer = useAction('pregnancy.referDangerSigns', { invalidates: [...STALE, 'referrals.listOpen'] });
  const directory = useQuery('directory.list', {});
  const [saved, setSaved] = useState<{ id: string; referred: boolean } | null>(null);
  // A saved contact with danger signs and no referral yet keeps the banner (the form is fresh after a save).
  const pending = detail.contacts.find((c) => !c.voided && c.dangerSigns.length > 0 && !c.referralId);
  const toRefer = saved && !saved.referred ? saved.id : (pending?.id ?? null);
  const next = detail.schedule.find((s) => s.status === 'upcoming' || s.status === 'due');
  const form = useForm({
    contactDate: todayText(),
    weightKg: '',
    bp1: '',
    bp2: '',
    hbGdl: '',
    fundalHeightCm: '',
    iptpGiven: false,
    dangerSign: '',
    facilityId: '',
    nextContactDate: next?.date ?? '',
  });
  const v = form.values;
  const ga = Math.max(
    0,
    Math.round((Date.parse(v.contactDate) - Date.parse(detail.pregnancy.datingLmp)) / 86_400_000),
  );
  let flags: AncFlag[] = [];
  try {
    flags = ancContactFlags({
      gestationalAgeDays: Number.isFinite(ga) ? ga : 0,
      bpFirst: bp(v.bp1),
      bpRepeat: bp(v.bp2),
      urineProtein: null,
      severeSymptoms: [],
      hbGdl: num(v.hbGdl),
      fastingGlucose: null,
      dangerSigns: v.dangerSign ? [v.dangerSign] : [],
    }).flags as AncFlag[];
  } catch {
    flags = [];
  }

  const submit = async () => {
    const input = {
      pregnancyId: detail.pregnancy.id,
      contactDate: v.contactDate,
      weightKg: num(v.weightKg),
      bpFirst: bp(v.bp1),
      bpRepeat: bp(v.bp2),
      hbGdl: num(v.hbGdl),
      fundalHeightCm: num(v.fundalHeightCm),
      iptpGiven: v.iptpGiven,
      dangerSigns: v.dangerSign ? [v.dangerSign as DangerSign] : [],
      nextContactDate: v.nextContactDate || null,
    };
    const problems = validateInput('pregnancy.recordContact', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await record.run(input);
    if (!result.ok) return form.showFailure(result);
    setSaved({ id: result.value.id, referred: false });
  };
  const referNow = async () => {
    if (!toRefer) return;
    const result = await refer.run({ contactId: toRefer, toFacilityId: v.facilityId });
    if (result.ok) setSaved({ id: toRefer, referred: true });
  };

  return (
    <Form
      onSubmit={() => void submit()}
      focusRequest={form.focusRequest}
      aria-label={t('pregnancy.contact.title')}
    >
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          {t('pregnancy.contact.title')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <FormTextField
            form={form}
            name="contactDate"
            label={t('pregnancy.field.contactDate')}
            type="date"
            required
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <FormTextField
            form={form}
            name="weightKg"
            label={t('pregnancy.field.weight')}
            inputMode="decimal"
          />
          <FormTextField form={form} name="bp1" path="bpFirst" label={t('pregnancy.field.bp1')} />
          <FormTextField form={form} name="bp2" path="bpRepeat" label={t('pregnancy.field.bp2')} />
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <FormTextField form={form} name="hbGdl" label={t('pregnancy.field.hb')} inputMode="decimal" />
          <FormTextField
            form={form}
            name="fundalHeightCm"
            label={t('pregnancy.field.fundal')}
            inputMode="decimal"
          />
          <FormSelect
            form={form}
            name="dangerSign"
            path="dangerSigns"
            label={t('pregnancy.field.dangerSigns')}
            options={[
              { value: '', label: '—' },
              ...DANGER_SIGNS.map((d) => ({ value: d, label: L.danger(t, d) })),
            ]}
          />
          <FormTextField
            form={form}
            name="nextContactDate"
            label={t('pregnancy.field.next')}
            type="date"
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
        <FormCheck form={form} name="iptpGiven" label={t('pregnancy.field.iptp')} />
        <Alert severity={flags.length > 0 ? 'warning' : 'success'} data-testid="live-flags">
          {flags.length > 0
            ? t('pregnancy.flags', { flags: flags.map((f) => L.flag(t, f)).join(', ') })
            : t('pregnancy.flag.none')}
        </Alert>
      </Paper>
      {v.dangerSign || toRefer || saved?.referred ? (
        <Alert severity="error" sx={{ mt: 2 }} role="alert" data-testid="urgent-banner">
          <Typography>{t('pregnancy.banner.urgent')}</Typography>
          {toRefer ? (
            <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
              <FormSelect
                form={form}
                name="facilityId"
                path="toFacilityId"
                label={t('referrals.field.facility')}
                options={(directory.data?.facilities ?? []).map((f) => ({ value: f.id, label: f.name }))}
              />
              <Button
                variant="contained"
                color="error"
                onClick={() => void referNow()}
                disabled={!v.facilityId}
              >
                {t('pregnancy.banner.refer')}
              </Button>
            </Stack>
          ) : null}
          {saved?.referred ? <Typography>{t('pregnancy.banner.referred')}</Typography> : null}
          <ErrorAlert failure={refer.failure} />
        </Alert>
      ) : null}
      <ErrorAlert
        failure={record.failure}
        shownPaths={['contactDate', 'bpFirst', 'bpRepeat', 'iptpGiven', 'nextContactDate']}
        sx={{ mt: 1 }}
      />
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <SubmitButton busy={record.busy}>{t('pregnancy.contact.submit')}</SubmitButton>
      </Stack>
    </Form>
  );
}
