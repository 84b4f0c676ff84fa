import { Alert, type AlertProps } from '@mui/material';
import type { Failure } from '../../shared/contract';
import { isMessageKey, translateDynamic } from '../../shared/i18n';
import { useI18n } from '../app/i18n';

interface Props extends Omit<AlertProps, 'children'> {
  failure: Failure | null | undefined;
  /** Field paths shown beside their inputs; errors for other paths are listed here so none is hidden. */
  shownPaths?: readonly string[];
}

/** A core failure in plain words (translated), announced to screen readers; nothing when there is none. */
export function ErrorAlert({ failure, shownPaths, ...rest }: Props) {
  const { t, failureText, fieldError, language } = useI18n();
  // A field not on screen is named by its label from the catalog, never by its contract path.
  const fieldLabel = (path: string): string | null => {
    const name = path.split('.').pop() ?? '';
    for (const key of [`patients.field.${name}`, `visits.field.${name}`, `users.${name}`, `setup.${name}`]) {
      if (isMessageKey(key)) return translateDynamic(language, key);
    }
    return null;
  };
  if (!failure) return null;
  const { message, detail } = failureText(failure);
  const unshown = shownPaths ? (failure.fields ?? []).filter((f) => !shownPaths.includes(f.path)) : [];
  return (
    <Alert severity="error" role="alert" data-code={failure.code} {...rest}>
      {message}
      {detail ? <div>{t('error.details', { detail })}</div> : null}
      {unshown.map((f) => (
        <div key={f.path}>
          {fieldLabel(f.path) ? `${fieldLabel(f.path)} ${fieldError(f)}` : fieldError(f)}
        </div>
      ))}
    </Alert>
  );
}
