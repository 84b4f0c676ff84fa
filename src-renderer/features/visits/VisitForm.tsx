import { Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { VISIT_TYPES } from '../../../shared/contract/channels/visits';
import { useT } from '../../app/i18n';
import { FormSection } from '../../components/FormSection';
import { FormTextField } from '../../components/FormTextField';
import type { FormState } from '../../components/use-form';
import { FormCheck, FormSelect } from '../patients/fields';
import { todayText } from '../patients/format';
import { LiveScores, type MeasuredPatient } from './LiveScores';
import type { VisitFormValues } from './visit-form';
import { labels } from '../patients/labels';

const decimal = { slotProps: { htmlInput: { inputMode: 'decimal' as const } } };

/** The fields of a visit; the live z-scores sit right under the measurements they come from. */
export function VisitForm({
  form,
  patient,
  askConfirm,
}: {
  form: FormState<VisitFormValues>;
  patient: MeasuredPatient;
  /** The core found implausible values: show the confirmation tick box. */
  askConfirm: boolean;
}) {
  const t = useT();
  const today = todayText();
  return (
    <Stack spacing={2}>
      <Section title={t('visits.form.visit')}>
        <Row>
          <FormTextField
            form={form}
            name="visitDate"
            label={t('visits.field.visitDate')}
            required
            type="date"
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, min: patient.birthDate } }}
          />
          <FormSelect
            form={form}
            name="type"
            label={t('visits.field.type')}
            options={VISIT_TYPES.map((v) => ({ value: v, label: labels.visitType(t, v) }))}
          />
        </Row>
      </Section>
      <Section title={t('visits.form.anthropometry')}>
        <Row>
          <FormTextField form={form} name="weightKg" label={t('visits.field.weightKg')} {...decimal} />
          <FormTextField form={form} name="lengthCm" label={t('visits.field.lengthCm')} {...decimal} />
          <FormSelect
            form={form}
            name="measured"
            label={t('visits.field.measured')}
            options={[
              { value: 'lying', label: t('visits.measured.lying') },
              { value: 'standing', label: t('visits.measured.standing') },
            ]}
          />
          <FormTextField form={form} name="muacMm" label={t('visits.field.muacMm')} {...decimal} />
          <FormSelect
            form={form}
            name="oedema"
            label={t('visits.field.oedema')}
            options={(['none', '+', '++', '+++'] as const).map((g) => ({
              value: g,
              label: labels.oedema(t, g),
            }))}
          />
        </Row>
        <LiveScores patient={patient} values={form.values} />
        {askConfirm ? (
          <FormCheck form={form} name="confirmImplausible" label={t('visits.field.confirmImplausible')} />
        ) : null}
      </Section>
      <Section title={t('visits.form.vitals')}>
        <Row>
          <FormTextField
            form={form}
            name="temperatureC"
            label={t('visits.field.temperatureC')}
            {...decimal}
          />
          <FormTextField form={form} name="pulseBpm" label={t('visits.field.pulseBpm')} {...decimal} />
          <FormTextField
            form={form}
            name="respiratoryRate"
            label={t('visits.field.respiratoryRate')}
            {...decimal}
          />
          <FormTextField form={form} name="systolic" label={t('visits.field.systolic')} {...decimal} />
          <FormTextField form={form} name="diastolic" label={t('visits.field.diastolic')} {...decimal} />
          <FormTextField form={form} name="hbGdl" label={t('visits.field.hbGdl')} {...decimal} />
          <FormTextField
            form={form}
            name="glucoseMmolL"
            label={t('visits.field.glucoseMmolL')}
            {...decimal}
          />
        </Row>
      </Section>
      <Section title={t('visits.form.care')}>
        <FormTextField
          form={form}
          name="complaints"
          label={t('visits.field.complaints')}
          multiline
          minRows={2}
        />
        <FormTextField
          form={form}
          name="diagnoses"
          label={t('visits.field.diagnoses')}
          helperText={t('visits.field.diagnosesHint')}
          multiline
          minRows={2}
        />
        <FormTextField
          form={form}
          name="treatment"
          label={t('visits.field.treatment')}
          multiline
          minRows={2}
        />
        <FormTextField
          form={form}
          name="medicines"
          label={t('visits.field.medicines')}
          helperText={t('visits.field.medicinesHint')}
          multiline
          minRows={2}
        />
        <FormTextField
          form={form}
          name="allergies"
          label={t('visits.field.allergies')}
          helperText={t('visits.field.allergiesHint')}
        />
        <FormTextField form={form} name="notes" label={t('visits.field.notes')} multiline minRows={2} />
        <FormTextField
          form={form}
          name="nextAppointment"
          label={t('visits.field.nextAppointment')}
          type="date"
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: form.values.visitDate || today } }}
        />
      </Section>
    </Stack>
  );
}

/** A form section whose fields stack with a little space between them. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <FormSection title={title}>
      <Stack spacing={1}>{children}</Stack>
    </FormSection>
  );
}

function Row({ children }: { children: ReactNode }) {
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={2}
      useFlexGap
      sx={{ flexWrap: { md: 'wrap' }, '& > *': { flex: '1 1 150px' } }}
    >
      {children}
    </Stack>
  );
}
