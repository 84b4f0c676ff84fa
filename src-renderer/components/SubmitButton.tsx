import { Button, CircularProgress, type ButtonProps } from '@mui/material';
import { useDelayedFlag } from '../api/hooks';

interface Props extends Omit<ButtonProps, 'type'> {
  /** The call is in flight: the button is disabled at once (no double submit); a spinner shows after 200 ms. */
  busy: boolean;
}

export function SubmitButton({ busy, children, disabled, ...rest }: Props) {
  const showProgress = useDelayedFlag(busy);
  return (
    <Button
      type="submit"
      variant="contained"
      size="large"
      disabled={disabled || busy}
      aria-busy={busy}
      startIcon={showProgress ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
      {...rest}
    >
      {children}
    </Button>
  );
}
