import { Box, type BoxProps } from '@mui/material';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

interface Props extends Omit<BoxProps<'form'>, 'onSubmit' | 'component'> {
  onSubmit(): void;
  /** From useForm: when it changes, focus goes to the first invalid field. */
  focusRequest?: number;
  children: ReactNode;
}

/** A real <form>: Enter in any field submits, the browser's own validation bubbles are off (ours speak plainly). */
export function Form({ onSubmit, focusRequest = 0, children, ...rest }: Props) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusRequest === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Box component="form" ref={ref} noValidate onSubmit={submit} {...rest}>
      {children}
    </Box>
  );
}
