import { useCallback, useMemo, useState } from 'react';
import type { Failure, FieldError } from '../../shared/contract';

export type FormValues = Record<string, string | boolean>;

export interface FormState<V extends FormValues> {
  values: V;
  set<K extends keyof V>(name: K, value: V[K]): void;
  /** Field errors by contract path ("facility.name"), in the core's words (translated when shown). */
  errors: Readonly<Record<string, string>>;
  /** Shows these field errors (from validateInput or a VALIDATION failure) and focuses the first one. */
  showErrors(fields: readonly FieldError[]): void;
  /** Shows a failure's field errors, if any; other failures are the caller's ErrorAlert. */
  showFailure(failure: Failure): void;
  clearError(path: string): void;
  /** Bumped whenever errors are shown; <Form> moves focus to the first invalid field then. */
  focusRequest: number;
}

/**
 * Form state for a screen: values, field errors keyed by the contract's input paths, focus on the first error.
 * Values stay strings/booleans as typed; the screen builds the channel input from them.
 */
export function useForm<V extends FormValues>(initial: V): FormState<V> {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusRequest, setFocusRequest] = useState(0);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
  }, []);
  const showErrors = useCallback((fields: readonly FieldError[]) => {
    const next: Record<string, string> = {};
    for (const field of fields) next[field.path] ??= field.message;
    setErrors(next);
    setFocusRequest((n) => n + 1);
  }, []);
  const showFailure = useCallback(
    (failure: Failure) => showErrors(failure.code === 'VALIDATION' ? (failure.fields ?? []) : []),
    [showErrors],
  );
  const clearError = useCallback((path: string) => {
    setErrors((current) => {
      if (!(path in current)) return current;
      const next = { ...current };
      delete next[path];
      return next;
    });
  }, []);

  return useMemo(
    () => ({ values, set, errors, showErrors, showFailure, clearError, focusRequest }),
    [values, set, errors, showErrors, showFailure, clearError, focusRequest],
  );
}
