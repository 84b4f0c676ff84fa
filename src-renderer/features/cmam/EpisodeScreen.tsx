import { Alert, Box, Button, Chip, Paper, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { useEffect, useMemo, useRef } from 'react';
import type { EXIT_TYPES } from '../../../shared/contract/channels/cmam';
import { APPETITES, MEDICINES, type EpisodeDetail } from '../../../shared/contract/channels/cmam';
import { OEDEMA_GRADES } from '../../../shared/contract/channels/visits';
import { roleHas } from '../../../shared/contract';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SimpleTable } from '../../components/SimpleTable';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormCheck, FormSelect } from '../patients/fields';
import { dateText, fullName, todayText } from '../patients/format';
import { TrendChart } from './charts';
import { ExitCorrectionForm, ExitFields } from './ExitCorrectionForm';
import { cmamLabels, num, plusDays } from './labels';

const STALE = [
  'cmam.episode',
  'cmam.caseload',
  'cmam.defaulters',
  'cmam.dashboard',
  'cmam.stock',
  'patients.chart',
] as const;
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

/** One episode: trend, alerts, the rules' proposal, the fast follow-up form and the exit. */
export function EpisodeScreen({ params }: { params: { episodeId: string } }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const query = useQuery('cmam.episode', { episodeId: params.episodeId });
  const d = query.data;
  const canWrite = session ? roleHas(session.role, 'cmam.write') : false;
  const labels = useMemo(
    () => ({
      title: t('cmam.episode.trend'),
      weight: t('cmam.episode.weightSeries'),
      muac: t('cmam.episode.muacSeries'),
      date: (x: string) => dateText(language, x),
    }),
    [t, language],
  );
  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <ErrorAlert failure={query.failure} />
      {d ? (
        <>
          <Typography variant="h1" gutterBottom data-testid="cmam-episode-title">
            {t('cmam.episode.title', { programme: d.episode.programme, number: d.episode.number })} —{' '}
            {fullName(d.patient)}
          </Typography>
          {d.episode.exitDate ? (
            <Alert severity="info" data-testid="cmam-closed">
              {t('cmam.episode.closed', {
                date: dateText(language, d.episode.exitDate),
                exit: cmamLabels.exit(t, d.episode.exitType ?? ''),
              })}
            </Alert>
          ) : null}
          {d.alerts.map((a) => (
            <Alert key={a} severity="error" sx={{ mb: 1 }} data-testid="cmam-alert">
              {cmamLabels.alert(t, a)}
            </Alert>
          ))}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }}>
              <TrendChart points={d.trend} labels={labels} />
              {d.followups.length > 0 && d.followups.at(-1)!.gainGPerKgPerDay !== null ? (
                <Typography data-testid="cmam-gain">
                  {t('cmam.episode.gain', { gain: num(language, d.followups.at(-1)!.gainGPerKgPerDay!) })}
                </Typography>
              ) : null}
              <History detail={d} />
            </Paper>
            {canWrite && !d.episode.exitDate ? (
              <Stack spacing={2} sx={{ flex: 1 }}>
                <FollowupForm detail={d} />
                <ExitForm detail={d} />
              </Stack>
            ) : null}
            {canWrite && d.episode.exitDate && !d.episode.internalMove && !d.episode.voided ? (
              <Stack spacing={2} sx={{ flex: 1 }}>
                <ExitCorrectionForm detail={d} />
              </Stack>
            ) : null}
          </Stack>
        </>
      ) : null}
      <Button sx={{ mt: 2 }} onClick={() => navigate('cmam')}>
        {t('cmam.back')}
      </Button>
    </Box>
  );
}

function History({ detail }: { detail: EpisodeDetail }) {
  const { t, language } = useI18n();
  return (
    <SimpleTable
      label={t('cmam.followup.history')}
      columns={[
        t('cmam.field.date'),
        t('cmam.field.weight'),
        t('cmam.field.muac'),
        t('cmam.field.oedema'),
        t('cmam.field.sachets'),
        'g/kg/d',
      ]}
    >
      {[...detail.followups].reverse().map((f) => (
        <TableRow key={f.id}>
          <TableCell>{dateText(language, f.visitDate)}</TableCell>
          <TableCell>{num(language, f.weightKg, 2)}</TableCell>
          <TableCell>{f.muacMm ?? '—'}</TableCell>
          <TableCell>{f.oedema}</TableCell>
          <TableCell>{f.rutfSachets}</TableCell>
          <TableCell>{f.gainGPerKgPerDay === null ? '—' : num(language, f.gainGPerKgPerDay)}</TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}

function followupDefaults(d: EpisodeDetail) {
  const today = todayText();
  return {
    weightKg: '',
    muacMm: '',
    oedema: 'none',
    appetite: 'good',
    appetiteSachetsEaten: '',
    newComplication: false,
    rutfSachetsGiven: d.ration ? String(d.ration.sachetsPerWeek) : '',
    nextVisitDate: plusDays(today, 7),
    visitDate: today,
    notes: '',
    ...Object.fromEntries(MEDICINES.map((m) => [`med_${m}`, d.medicinesDue.includes(m)])),
  } as Record<string, string | boolean>;
}

/** The routine visit: weight first, everything else prefilled; Ctrl+Enter saves. */
function FollowupForm({ detail }: { detail: EpisodeDetail }) {
  const { t } = useI18n();
  const save = useAction('cmam.followup', { invalidates: STALE });
  const form = useForm(followupDefaults(detail));
  const first = useRef<HTMLInputElement>(null);
  const v = form.values;
  const submit = async () => {
    const input = {
      episodeId: detail.episode.id,
      visitDate: v.visitDate as string,
      weightKg: numberOrNull(v.weightKg as string) as number,
      muacMm: numberOrNull(v.muacMm as string),
      oedema: v.oedema as (typeof OEDEMA_GRADES)[number],
      appetite: v.appetite as (typeof APPETITES)[number],
      appetiteSachetsEaten: numberOrNull(v.appetiteSachetsEaten as string),
      newComplication: v.newComplication === true,
      rutfSachetsGiven: numberOrNull(v.rutfSachetsGiven as string) ?? 0,
      medicinesGiven: MEDICINES.filter((m) => v[`med_${m}`] === true),
      nextVisitDate: v.nextVisitDate as string,
      notes: v.notes as string,
    };
    const problems = validateInput('cmam.followup', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await save.run(input);
    if (!result.ok) return form.showFailure(result);
    for (const [k, value] of Object.entries(followupDefaults(result.value.detail))) form.set(k, value);
    first.current?.focus();
  };
  useEffect(() => first.current?.focus(), []);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2" gutterBottom>
        {t('cmam.followup.title')}
      </Typography>
      {detail.medicinesDue.length > 0 ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('cmam.episode.due', {
            medicines: detail.medicinesDue.map((m) => cmamLabels.medicine(t, m)).join(', '),
          })}
        </Alert>
      ) : null}
      <Form
        onSubmit={() => void submit()}
        focusRequest={form.focusRequest}
        aria-label={t('cmam.followup.title')}
      >
        <Stack direction="row" spacing={2}>
          <FormTextField
            form={form}
            name="weightKg"
            label={t('cmam.field.weight')}
            required
            inputRef={first}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
          <FormTextField
            form={form}
            name="muacMm"
            label={t('cmam.field.muac')}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <FormSelect
            form={form}
            name="oedema"
            label={t('cmam.field.oedema')}
            options={OEDEMA_GRADES.map((g) => ({
              value: g,
              label: g === 'none' ? t('cmam.oedema.none') : g,
            }))}
          />
        </Stack>
        <Stack direction="row" spacing={2}>
          <FormSelect
            form={form}
            name="appetite"
            label={t('cmam.field.appetite')}
            options={APPETITES.map((a) => ({
              value: a,
              label: t(a === 'good' ? 'cmam.appetite.good' : 'cmam.appetite.poor'),
            }))}
          />
          <FormTextField form={form} name="appetiteSachetsEaten" label={t('cmam.field.appetiteEaten')} />
          <FormTextField form={form} name="rutfSachetsGiven" label={t('cmam.field.sachets')} />
        </Stack>
        <FormCheck form={form} name="newComplication" label={t('cmam.field.newComplication')} />
        {MEDICINES.filter((m) => detail.medicinesDue.includes(m)).map((m) => (
          <FormCheck
            key={m}
            form={form}
            name={`med_${m}`}
            label={cmamLabels.medicine(t, m)}
            path="medicinesGiven"
          />
        ))}
        <Stack direction="row" spacing={2}>
          <FormTextField
            form={form}
            name="nextVisitDate"
            label={t('cmam.field.nextVisit')}
            type="date"
            required
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <FormTextField
            form={form}
            name="visitDate"
            label={t('cmam.field.date')}
            type="date"
            required
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayText() } }}
          />
        </Stack>
        <FormTextField form={form} name="notes" label={t('cmam.field.notes')} fullWidth />
        <ErrorAlert
          failure={save.failure}
          shownPaths={save.failure?.code === 'VALIDATION' ? Object.keys(v) : []}
          sx={{ mt: 1 }}
        />
        <SubmitButton busy={save.busy} sx={{ mt: 1 }} data-testid="cmam-followup-save">
          {t('cmam.followup.save')}
        </SubmitButton>
      </Form>
    </Paper>
  );
}

function ExitForm({ detail }: { detail: EpisodeDetail }) {
  const { t } = useI18n();
  const exit = useAction('cmam.exit', { invalidates: STALE });
  const move = useAction('cmam.move', { invalidates: STALE });
  const proposed = detail.proposal.exitType;
  const form = useForm({
    exitType: proposed ?? '',
    exitDate: detail.lastVisitDate > todayText() ? todayText() : detail.lastVisitDate,
    notes: '',
  });
  useEffect(() => {
    if (proposed) form.set('exitType', proposed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [proposed]);
  const submit = async () => {
    const input = {
      episodeId: detail.episode.id,
      expectedVersion: detail.episode.version,
      exitDate: form.values.exitDate,
      exitType: form.values.exitType as (typeof EXIT_TYPES)[number],
      notes: form.values.notes,
    };
    const problems = validateInput('cmam.exit', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await exit.run(input);
    if (!result.ok) form.showFailure(result);
  };
  const moves =
    detail.episode.programme === 'OTP'
      ? (['SC', 'TSFP'] as const)
      : detail.episode.programme === 'SC'
        ? (['OTP'] as const)
        : [];
  const moveTo = async (to: 'OTP' | 'SC' | 'TSFP') => {
    const result = await move.run({
      episodeId: detail.episode.id,
      expectedVersion: detail.episode.version,
      moveDate: todayText(),
      to,
      notes: form.values.notes,
    });
    if (result.ok) navigate('cmam.episode', { episodeId: result.value.opened.id });
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2" gutterBottom>
        {t('cmam.exits.title')}
      </Typography>
      {proposed ? (
        <Alert severity="success" sx={{ mb: 1 }} data-testid="cmam-proposal-exit">
          {t('cmam.episode.propose', { exit: cmamLabels.exit(t, proposed) })}
        </Alert>
      ) : null}
      {detail.proposal.missedVisits > 0 ? (
        <Chip
          color="warning"
          label={t('cmam.episode.missed', { n: String(detail.proposal.missedVisits) })}
          sx={{ mb: 1 }}
        />
      ) : null}
      <Form
        onSubmit={() => void submit()}
        focusRequest={form.focusRequest}
        aria-label={t('cmam.exits.title')}
      >
        <ExitFields form={form} />
        <FormTextField form={form} name="notes" label={t('cmam.field.notes')} fullWidth />
        <ErrorAlert
          failure={exit.failure ?? move.failure}
          shownPaths={exit.failure?.code === 'VALIDATION' ? ['exitType', 'exitDate', 'notes'] : []}
          sx={{ mt: 1 }}
        />
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
          <SubmitButton busy={exit.busy} color="secondary" data-testid="cmam-exit-save">
            {proposed && form.values.exitType === proposed
              ? t('cmam.episode.recordProposed', { exit: cmamLabels.exit(t, proposed) })
              : t('cmam.exits.save')}
          </SubmitButton>
          {moves.map((to) => (
            <Button key={to} variant="outlined" disabled={move.busy} onClick={() => void moveTo(to)}>
              {t('cmam.exits.moveTo', { programme: to })}
            </Button>
          ))}
        </Stack>
      </Form>
    </Paper>
  );
}
