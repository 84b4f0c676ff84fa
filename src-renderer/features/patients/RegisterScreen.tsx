import { Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { DuplicateCandidate } from '../../../shared/contract/channels/patients';
import { invoke, validateInput } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { DuplicateWarning } from './DuplicateWarning';
import { FormCheck } from './fields';
import { PatientForm } from './PatientForm';
import {
  EMPTY_PATIENT,
  namesFromSearch,
  registerPrefill,
  toDraft,
  type PatientFormValues,
} from './patient-form';

/** Ask for likely duplicates this long after the last change of a field that matters. */
const CHECK_DEBOUNCE_MS = 400;
const SHOWN_PATHS = Object.keys(EMPTY_PATIENT).concat([
  'age.years',
  'age.months',
  'age',
  'confirmNotDuplicate',
]);

const validAge = (y: number, m: number) =>
  Number.isInteger(y) && y >= 0 && y <= 130 && Number.isInteger(m) && m >= 0 && m <= 11;

/** Only what is already well formed goes into the duplicate check (a half-typed date is left out). */
function probeOf(v: PatientFormValues) {
  const d = toDraft(v);
  const phoneOk = (p: string) => /^\D*(\d\D*){6,15}$/.test(p);
  return {
    givenName: d.givenName,
    familyName: d.familyName,
    otherNames: d.otherNames,
    ...(d.sex ? { sex: d.sex } : {}),
    ...(d.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(d.birthDate) ? { birthDate: d.birthDate } : {}),
    ...(d.age && validAge(d.age.years, d.age.months ?? 0) ? { age: d.age } : {}),
    ...(phoneOk(d.phone ?? '') ? { phone: d.phone } : {}),
    ...(phoneOk(d.caregiverPhone ?? '') ? { caregiverPhone: d.caregiverPhone } : {}),
    caregiverName: d.caregiverName,
    nationalId: d.nationalId,
  };
}

/** Registration with the duplicate warning shown while typing, and confirmed before a look-alike is saved. */
export function RegisterScreen() {
  const t = useT();
  const [initial] = useState(() => ({
    ...EMPTY_PATIENT,
    ...namesFromSearch(registerPrefill.text),
    confirmNotDuplicate: false,
  }));
  const form = useForm(initial, { draft: 'patients.register' });
  const register = useAction('patients.register', { invalidates: ['patients.search', 'home.summary'] });
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [mustConfirm, setMustConfirm] = useState(false);
  const probe = JSON.stringify(probeOf(form.values));

  const hasProbe = /"(givenName|familyName|phone|caregiverPhone)":"[^"]/.test(probe);
  useEffect(() => {
    if (!hasProbe) return;
    let live = true;
    const timer = setTimeout(() => {
      void invoke('patients.checkDuplicates', JSON.parse(probe) as ReturnType<typeof probeOf>).then((r) => {
        if (live && r.ok) setCandidates(r.value.candidates);
      });
    }, CHECK_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [probe, hasProbe]);

  const submit = async () => {
    const input = { ...toDraft(form.values), confirmNotDuplicate: form.values.confirmNotDuplicate };
    const problems = validateInput('patients.register', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await register.run(input);
    if (result.ok) {
      form.saved();
      registerPrefill.text = '';
      navigate('patients.chart', { patientId: result.value.id });
      return;
    }
    if (result.code === 'CONFLICT' && result.fields?.some((f) => f.path === 'confirmNotDuplicate')) {
      setMustConfirm(true);
      const again = await invoke('patients.checkDuplicates', probeOf(form.values));
      if (again.ok) setCandidates(again.value.candidates);
    }
    form.showFailure(result);
  };

  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('patients.register.title')}
      </Typography>
      <Form
        onSubmit={() => void submit()}
        focusRequest={form.focusRequest}
        aria-label={t('patients.register.title')}
      >
        <Stack spacing={2}>
          <PatientForm form={form} />
          <DuplicateWarning candidates={hasProbe ? candidates : []} />
          {mustConfirm ? (
            <FormCheck form={form} name="confirmNotDuplicate" label={t('patients.duplicates.confirm')} />
          ) : null}
          <ErrorAlert failure={register.failure} shownPaths={SHOWN_PATHS} />
          <Stack direction="row" spacing={2}>
            <SubmitButton busy={register.busy}>{t('patients.register.submit')}</SubmitButton>
            <Button onClick={() => navigate('patients')}>{t('patients.cancel')}</Button>
          </Stack>
        </Stack>
      </Form>
    </Box>
  );
}
