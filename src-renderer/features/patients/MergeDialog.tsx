import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { PatientRecord, PatientSummary } from '../../../shared/contract/channels/patients';
import { invoke } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ageText, fullName } from './format';
import { PatientSearch } from './PatientSearch';

const STALE = [
  'patients.search',
  'patients.chart',
  'patients.get',
  'patients.history',
  'home.summary',
  'referrals.listOpen',
] as const;

/**
 * A manager merges a duplicate INTO the record on screen (the survivor): its visits and referrals move here, the
 * duplicate is kept and marked merged. Both records are shown side by side before confirming.
 */
export function MergeDialog({
  survivor,
  onClose,
  onMerged,
}: {
  survivor: PatientRecord;
  onClose(): void;
  onMerged(): void;
}) {
  const { t, fieldError } = useI18n();
  const [duplicate, setDuplicate] = useState<PatientSummary | null>(null);
  const [reason, setReason] = useState('');
  const merge = useAction('patients.merge', { invalidates: STALE });
  const reasonError = merge.failure?.fields?.find((f) => f.path === 'reason');

  const confirm = async () => {
    if (!duplicate) return;
    const dup = await invoke('patients.get', { id: duplicate.id });
    if (!dup.ok) return;
    const result = await merge.run({
      survivorId: survivor.id,
      mergedId: duplicate.id,
      survivorVersion: survivor.version,
      mergedVersion: dup.value.version,
      reason,
    });
    if (result.ok) onMerged();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('patients.merge.title')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          {t('patients.merge.explain', { name: fullName(survivor), number: survivor.registrationNumber })}
        </Typography>
        {duplicate ? (
          <Box>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {t('patients.merge.confirmText', {
                duplicate: `${fullName(duplicate)} (${duplicate.registrationNumber}, ${ageText(t, duplicate.age)})`,
                survivor: `${fullName(survivor)} (${survivor.registrationNumber})`,
              })}
            </Alert>
            <TextField
              autoFocus
              label={t('patients.merge.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={reasonError !== undefined}
              helperText={reasonError ? fieldError(reasonError) : t('patients.merge.reasonHint')}
              slotProps={{ htmlInput: { 'data-path': 'reason' } }}
            />
            <Button sx={{ mt: 1 }} onClick={() => setDuplicate(null)}>
              {t('patients.merge.chooseAnother')}
            </Button>
          </Box>
        ) : (
          <PatientSearch
            autoFocus
            label={t('patients.merge.find')}
            excludeId={survivor.id}
            onOpen={setDuplicate}
          />
        )}
        <ErrorAlert failure={merge.failure} shownPaths={['reason']} sx={{ mt: 1 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('patients.cancel')}</Button>
        <Button
          variant="contained"
          color="warning"
          disabled={!duplicate || merge.busy}
          onClick={() => void confirm()}
        >
          {t('patients.merge.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
