import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Failure } from '../../../shared/contract';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Asks why a record is voided (required, kept in its history) and confirms. */
export function VoidDialog({
  open,
  title,
  explain,
  busy,
  failure,
  onCancel,
  onVoid,
}: {
  open: boolean;
  title: string;
  explain: string;
  busy: boolean;
  failure: Failure | null;
  onCancel(): void;
  onVoid(reason: string): void;
}) {
  const { t, fieldError } = useI18n();
  const [reason, setReason] = useState('');
  const error = failure?.fields?.find((f) => f.path === 'reason');
  return (
    <Dialog open={open} onClose={onCancel} fullWidth maxWidth="sm">
      <form
        onSubmit={(e) => {
          // The dialog is a portal inside another form: its submit must not reach that form.
          e.preventDefault();
          e.stopPropagation();
          onVoid(reason);
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 1 }}>{explain}</Typography>
          <TextField
            autoFocus
            label={t('records.voidReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error !== undefined}
            helperText={
              error
                ? t('form.fieldError', { label: t('records.voidReason'), message: fieldError(error) })
                : ' '
            }
            slotProps={{ htmlInput: { 'data-path': 'reason' } }}
          />
          <ErrorAlert failure={failure} shownPaths={['reason']} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{t('records.keep')}</Button>
          <Button type="submit" color="error" variant="contained" disabled={busy}>
            {t('records.void')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
