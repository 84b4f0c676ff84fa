import { Box, Button, CircularProgress, Typography, type ButtonProps } from '@mui/material';
import { useId } from 'react';
import { useDelayedFlag } from '../api/hooks';
import { useT } from '../app/i18n';
import { useFormKeys } from './Form';

interface Props extends Omit<ButtonProps, 'type'> {
  /** The call is in flight: the button is disabled at once (no double submit); a spinner shows after 200 ms. */
  busy: boolean;
}

/** The form's Save button; in a multi-field form it says under itself how the keyboard saves. */
export function SubmitButton({ busy, children, disabled, ...rest }: Props) {
  const t = useT();
  const showProgress = useDelayedFlag(busy);
  const keys = useFormKeys();
  const hintId = useId();
  const hint = keys?.hint === true;
  const button = (
    <Button
      type="submit"
      variant="contained"
      size="large"
      disabled={disabled || busy}
      aria-busy={busy}
      aria-describedby={hint ? hintId : undefined}
      startIcon={showProgress ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
      {...rest}
    >
      {children}
    </Button>
  );
  if (!hint) return button;
  return (
    <Box sx={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start' }}>
      {button}
      <Typography
        id={hintId}
        variant="caption"
        color="text.secondary"
        data-testid="save-hint"
        sx={{ mt: 0.5 }}
      >
        {t('form.saveHint')}
      </Typography>
    </Box>
  );
}
