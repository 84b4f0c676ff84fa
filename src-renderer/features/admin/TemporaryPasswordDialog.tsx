import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useT } from '../../app/i18n';

/** A temporary password is shown exactly once, large enough to read out or copy onto paper. */
export function TemporaryPasswordDialog({
  shown,
  onClose,
}: {
  shown: { username: string; fullName: string; password: string } | null;
  onClose(): void;
}) {
  const t = useT();
  return (
    <Dialog open={shown !== null} onClose={onClose} aria-labelledby="temporary-title">
      <DialogTitle id="temporary-title">
        {t('users.temporaryTitle', { username: shown?.username ?? '' })}
      </DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{t('users.temporaryBody', { name: shown?.fullName ?? '' })}</Typography>
        <Typography
          data-testid="temporary-password"
          sx={{
            fontFamily: 'monospace',
            fontSize: '1.6rem',
            letterSpacing: 2,
            textAlign: 'center',
            userSelect: 'all',
          }}
        >
          {shown?.password}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('admin.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
