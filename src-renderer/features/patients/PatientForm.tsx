import { Box, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { estimatedBirthDate, isUnderFive } from '../../../shared/contract/channels/patient-rules';
import { useI18n } from '../../app/i18n';
import { FormSection } from '../../components/FormSection';
import { FormTextField } from '../../components/FormTextField';
import type { FormState } from '../../components/use-form';
import { FormCheck, FormSelect } from './fields';
import { birthDateOf, type PatientFormValues } from './patient-form';
import { todayText } from './format';

/** The fields of a patient (registration and correction share them). */
export function PatientForm<V extends PatientFormValues>({ form }: { form: FormState<V> }) {
  const { t, fieldError } = useI18n();
  const v = form.values;
  const today = todayText();
  const birth = birthDateOf(v, (age) => estimatedBirthDate(age, today));
  const child = birth !== null && birth <= today && isUnderFive(birth, today);
  return (
    <Stack spacing={2}>
      <FormSection title={t('patients.form.identity')}>
        <Row>
          <FormTextField
            form={form}
            name="givenName"
            label={t('patients.field.givenName')}
            required
            autoFocus
          />
          <FormTextField form={form} name="familyName" label={t('patients.field.familyName')} required />
          <FormTextField form={form} name="otherNames" label={t('patients.field.otherNames')} />
        </Row>
        <Row>
          <FormSelect
            form={form}
            name="sex"
            label={t('patients.field.sex')}
            required
            options={[
              { value: 'female', label: t('patients.sex.female') },
              { value: 'male', label: t('patients.sex.male') },
            ]}
          />
          <FormTextField form={form} name="nationalId" label={t('patients.field.nationalId')} />
        </Row>
        <Box sx={{ mt: 1 }}>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={v.birthMode}
            onChange={(_e, mode: string | null) => mode && form.set('birthMode', mode as V['birthMode'])}
            aria-label={t('patients.form.birthMode')}
          >
            <ToggleButton value="date" data-testid="birth-mode-date">
              {t('patients.form.birthKnown')}
            </ToggleButton>
            <ToggleButton value="age" data-testid="birth-mode-age">
              {t('patients.form.ageOnly')}
            </ToggleButton>
          </ToggleButtonGroup>
        </Box>
        {v.birthMode === 'date' ? (
          <Row>
            <FormTextField
              form={form}
              name="birthDate"
              label={t('patients.field.birthDate')}
              required
              type="date"
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
            />
            <Box sx={{ pt: 1.5 }}>
              <FormCheck
                form={form}
                name="birthDateEstimated"
                label={t('patients.field.birthDateEstimated')}
              />
            </Box>
          </Row>
        ) : (
          <Row>
            <FormTextField
              form={form}
              name="ageYears"
              path="age.years"
              label={t('patients.field.ageYears')}
              required
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            />
            <FormTextField
              form={form}
              name="ageMonths"
              path="age.months"
              label={t('patients.field.ageMonths')}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            />
            <Typography color="text.secondary" variant="body2" sx={{ pt: 2.5 }}>
              {birth ? t('patients.form.estimatedAs', { date: birth }) : ''}
            </Typography>
          </Row>
        )}
        {form.errors.age ? (
          <Typography color="error" variant="body2">
            {t('form.fieldError', {
              label: t('patients.field.ageYears'),
              message: fieldError(form.errors.age),
            })}
          </Typography>
        ) : null}
      </FormSection>

      <FormSection title={t('patients.form.contact')}>
        <Row>
          <FormTextField
            form={form}
            name="phone"
            label={t('patients.field.phone')}
            slotProps={{ htmlInput: { inputMode: 'tel' } }}
          />
          <FormTextField form={form} name="village" label={t('patients.field.village')} />
          <FormTextField form={form} name="district" label={t('patients.field.district')} />
        </Row>
      </FormSection>

      <FormSection title={child ? t('patients.form.caregiverRequired') : t('patients.form.caregiver')}>
        <Row>
          <FormTextField
            form={form}
            name="caregiverName"
            label={t('patients.field.caregiverName')}
            required={child}
          />
          <FormTextField
            form={form}
            name="caregiverRelationship"
            label={t('patients.field.caregiverRelationship')}
            required={child}
            helperText={t('patients.field.caregiverRelationshipHint')}
          />
          <FormTextField
            form={form}
            name="caregiverPhone"
            label={t('patients.field.caregiverPhone')}
            required={child && !v.caregiverNoPhone}
            slotProps={{ htmlInput: { inputMode: 'tel' } }}
            disabled={v.caregiverNoPhone}
          />
        </Row>
        <FormCheck form={form} name="caregiverNoPhone" label={t('patients.field.caregiverNoPhone')} />
      </FormSection>

      <FormSection title={t('patients.form.clinical')}>
        <FormTextField
          form={form}
          name="allergies"
          label={t('patients.field.allergies')}
          multiline
          minRows={1}
        />
        <FormTextField form={form} name="notes" label={t('patients.field.notes')} multiline minRows={2} />
      </FormSection>
    </Stack>
  );
}

function Row({ children }: { children: ReactNode }) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      {children}
    </Stack>
  );
}
