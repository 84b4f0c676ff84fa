import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Failure, FieldError } from '../../shared/contract';
import { dropDraft, formUnmounted, readDraft, writeDraft } from './drafts';

export type FormValues = Record<string, string | boolean>;

export interface FormState<V extends FormValues> {
  values: V;
  set<K extends keyof V>(name: K, value: V[K]): void;
  /** Field errors by contract path ("facility.name"), as the core sent them (translated when shown). */
  errors: Readonly<Record<string, FieldError>>;
  /** Shows these field errors (from validateInput or a VALIDATION failure) and focuses the first one. */
  showErrors(fields: readonly FieldError[]): void;
  /** Shows a failure's field errors, if any; other failures are the caller's ErrorAlert. */
  showFailure(failure: Failure): void;
  clearError(path: string): void;
  /** Bumped whenever errors are shown; <Form> moves focus to the first invalid field then. */
  focusRequest: number;
  /** The values differ from the starting ones. */
  changed: boolean;
  /** Call once the core accepted the save (before navigating): the draft goes and leaving no longer asks. */
  saved(): void;
}

export interface FormOptions {
  /**
   * Keep unsaved values through the lock screen and ask before leaving (see drafts.ts). A key naming the
   * record edited, e.g. `visits.new:<patientId>` or `visits.edit:<id>:<version>`. Never for password forms.
   */
  draft?: string;
}

function sameValues(a: FormValues, b: FormValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Form state for a screen: values, field errors keyed by the contract's input paths, focus on the first error.
 * Values stay strings/booleans as typed; the screen builds the channel input from them.
 */
export function useForm<V extends FormValues>(initial: V, options: FormOptions = {}): FormState<V> {
  const draftKey = options.draft;
  const [start] = useState(initial);
  const [values, setValues] = useState<V>(() =>
    draftKey ? { ...start, ...(readDraft<Partial<V>>(draftKey) ?? {}) } : start,
  );
  const changed = !sameValues(values, start);
  const settled = useRef(false);
  useEffect(() => {
    if (draftKey && !settled.current) writeDraft(draftKey, values, changed);
  }, [draftKey, values, changed]);
  useEffect(() => (draftKey ? () => formUnmounted(draftKey) : undefined), [draftKey]);
  const saved = useCallback(() => {
    settled.current = true;
    if (draftKey) dropDraft(draftKey);
  }, [draftKey]);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [focusRequest, setFocusRequest] = useState(0);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
  }, []);
  const showErrors = useCallback((fields: readonly FieldError[]) => {
    const next: Record<string, FieldError> = {};
    for (const field of fields) next[field.path] ??= field;
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
    () => ({ values, set, errors, showErrors, showFailure, clearError, focusRequest, changed, saved }),
    [values, set, errors, showErrors, showFailure, clearError, focusRequest, changed, saved],
  );
}
