import { Alert, AlertTitle, Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { DuplicateCandidate } from '../../../shared/contract/channels/patients';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { ageText, fullName, sexText } from './format';
import { labels } from './labels';

/** Likely existing records of the person being registered, with the reasons, and a way to open each. */
export function DuplicateWarning({ candidates }: { candidates: readonly DuplicateCandidate[] }) {
  const t = useT();
  if (candidates.length === 0) return null;
  const likely = candidates.some((c) => c.likely);
  return (
    <Alert
      severity={likely ? 'warning' : 'info'}
      role="alert"
      data-testid="duplicate-warning"
      sx={{ alignItems: 'flex-start' }}
    >
      <AlertTitle>
        {likely ? t('patients.duplicates.likelyTitle') : t('patients.duplicates.possibleTitle')}
      </AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('patients.duplicates.explain')}
      </Typography>
      <Stack spacing={1}>
        {candidates.map((c) => (
          <Box
            key={c.patient.id}
            sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}
            data-testid="duplicate-candidate"
          >
            <Typography sx={{ fontWeight: 700 }}>{fullName(c.patient)}</Typography>
            <Typography sx={{ fontFamily: 'monospace' }}>{c.patient.registrationNumber}</Typography>
            <Typography>
              {sexText(t, c.patient.sex)} · {ageText(t, c.patient.age)} · {c.patient.village || '—'}
            </Typography>
            {c.reasons.map((r) => (
              <Chip key={r} size="small" label={labels.reason(t, r)} />
            ))}
            <Button
              size="small"
              variant="outlined"
              href={href('patients.chart', { patientId: c.patient.id })}
            >
              {t('patients.duplicates.open')}
            </Button>
          </Box>
        ))}
      </Stack>
    </Alert>
  );
}
