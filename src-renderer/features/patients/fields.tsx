import { Checkbox, FormControlLabel, FormHelperText, TextField, type TextFieldProps } from '@mui/material';
import { useI18n } from '../../app/i18n';
import type { FormState, FormValues } from '../../components/use-form';

type SelectProps<V extends FormValues> = Omit<
  TextFieldProps,
  'name' | 'value' | 'onChange' | 'error' | 'label'
> & {
  form: FormState<V>;
  name: keyof V & string;
  label: string;
  path?: string;
  options: readonly { value: string; label: string }[];
};

/** A select bound to a form value and to the core's field error for its path (like FormTextField). */
export function FormSelect<V extends FormValues>({
  form,
  name,
  label,
  path = name,
  options,
  helperText,
  ...rest
}: SelectProps<V>) {
  const { t, fieldError } = useI18n();
  const error = form.errors[path];
  return (
    <TextField
      {...rest}
      select
      name={name}
      label={label}
      value={form.values[name] as string}
      onChange={(e) => {
        form.set(name, e.target.value as V[typeof name]);
        form.clearError(path);
      }}
      error={error !== undefined}
      helperText={
        error !== undefined ? t('form.fieldError', { label, message: fieldError(error) }) : helperText
      }
      slotProps={{ ...rest.slotProps, htmlInput: { 'data-path': path }, select: { native: true } }}
    >
      <option value="" />
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

/** A tick box bound to a boolean form value and to the core's field error for its path. */
export function FormCheck<V extends FormValues>({
  form,
  name,
  label,
  path = name,
}: {
  form: FormState<V>;
  name: keyof V & string;
  label: string;
  path?: string;
}) {
  const { t, fieldError } = useI18n();
  const error = form.errors[path];
  return (
    <>
      <FormControlLabel
        control={
          <Checkbox
            checked={form.values[name] === true}
            onChange={(e) => {
              form.set(name, e.target.checked as V[typeof name]);
              form.clearError(path);
            }}
            slotProps={{ input: { 'aria-invalid': error !== undefined, ...{ 'data-path': path } } as object }}
          />
        }
        label={label}
      />
      {error !== undefined ? (
        <FormHelperText error>{t('form.fieldError', { label, message: fieldError(error) })}</FormHelperText>
      ) : null}
    </>
  );
}
