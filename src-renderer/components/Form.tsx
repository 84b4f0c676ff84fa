import { Box, type BoxProps } from '@mui/material';
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { focusNext, isLastField, isSingleLineField } from './form-keys';

interface Props extends Omit<BoxProps<'form'>, 'onSubmit' | 'component'> {
  onSubmit(): void;
  /** From useForm: when it changes, focus goes to the first invalid field. */
  focusRequest?: number;
  /**
   * Sign-in, unlock and search forms (one or two fields, nothing half-filled to lose): Enter in the LAST field
   * submits. Every other form saves only by Ctrl+Enter or the Save button.
   */
  enterSubmits?: boolean;
  children: ReactNode;
}

interface FormKeys {
  /** False for enterSubmits forms: their Save button needs no "Ctrl+Enter saves" hint. */
  hint: boolean;
}

const FormKeysContext = createContext<FormKeys | null>(null);

/** What the surrounding <Form> tells its Save button (null outside a form). */
export function useFormKeys(): FormKeys | null {
  return useContext(FormKeysContext);
}

/**
 * A real <form> with the shared keyboard rules (see form-keys.ts): Enter moves on, Ctrl+Enter saves. The
 * browser's own validation bubbles are off (ours speak plainly).
 */
export function Form({
  onSubmit,
  focusRequest = 0,
  enterSubmits = false,
  children,
  onKeyDown,
  ...rest
}: Props) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusRequest === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const keyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    onKeyDown?.(event);
    const form = ref.current;
    const target = event.target as HTMLElement;
    // React bubbles events from portals (a dialog opened by this form): those belong to the dialog.
    if (event.key !== 'Enter' || event.defaultPrevented || !form || !form.contains(target)) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    if (!isSingleLineField(target)) return; // textarea: new line; buttons and checkboxes: their own Enter
    event.preventDefault(); // no implicit submission
    if (enterSubmits && isLastField(form, target)) form.requestSubmit();
    else focusNext(form, target);
  };
  return (
    <FormKeysContext.Provider value={{ hint: !enterSubmits }}>
      <Box component="form" ref={ref} noValidate onSubmit={submit} onKeyDown={keyDown} {...rest}>
        {children}
      </Box>
    </FormKeysContext.Provider>
  );
}
