import { TextField, type TextFieldProps } from '@mui/material';
import type { ChangeEvent } from 'react';
import { useI18n } from '../app/i18n';
import type { FormState, FormValues } from './use-form';

type Props<V extends FormValues> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'error' | 'label'> & {
  form: FormState<V>;
  name: keyof V & string;
  label: string;
  /** The contract input path this field feeds, when it differs from `name` (e.g. "facility.name"). */
  path?: string;
};

/**
 * A text field bound to a form value and to the core's field error for its path. The error replaces the hint,
 * reads "Facility name is required", and is cleared as soon as the user edits the field.
 */
export function FormTextField<V extends FormValues>({
  form,
  name,
  label,
  path = name,
  helperText,
  ...rest
}: Props<V>) {
  const { t, fieldError } = useI18n();
  const error = form.errors[path];
  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    form.set(name, event.target.value as V[typeof name]);
    form.clearError(path);
  };
  return (
    <TextField
      {...rest}
      name={name}
      label={label}
      value={form.values[name] as string}
      onChange={onChange}
      error={error !== undefined}
      helperText={
        error !== undefined ? t('form.fieldError', { label, message: fieldError(error) }) : helperText
      }
      slotProps={{ ...rest.slotProps, htmlInput: { 'data-path': path, ...rest.slotProps?.htmlInput } }}
    />
  );
}
