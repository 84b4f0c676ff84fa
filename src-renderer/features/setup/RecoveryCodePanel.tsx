import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  GlobalStyles,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useT } from '../../app/i18n';

interface Props {
  recoveryCode: string;
  facility: { name: string; code: string };
  onContinue(): void;
}

/**
 * The recovery code, shown once after setup. Staff must write it down (or print it) and tick the box before
 * going on; printing shows only this sheet.
 */
export function RecoveryCodePanel({ recoveryCode, facility, onContinue }: Props) {
  const t = useT();
  const [acknowledged, setAcknowledged] = useState(false);
  return (
    <Box sx={{ maxWidth: 760, mx: 'auto', p: 3 }}>
      <GlobalStyles
        styles={{
          '@media print': {
            'body *': { visibility: 'hidden' },
            '#recovery-sheet, #recovery-sheet *': { visibility: 'visible' },
            '#recovery-sheet': { position: 'absolute', left: 0, top: 0, width: '100%' },
            '.no-print': { display: 'none !important' },
          },
        }}
      />
      <Paper variant="outlined" sx={{ p: 3 }} id="recovery-sheet">
        <Typography variant="h1" gutterBottom>
          {t('recovery.title')}
        </Typography>
        <Typography sx={{ display: 'none', '@media print': { display: 'block' }, mb: 1 }}>
          {t('recovery.printedFor', { facility: facility.name, code: facility.code })}
        </Typography>
        <Typography sx={{ mb: 2 }}>{t('recovery.body')}</Typography>
        <Box
          data-testid="recovery-code"
          aria-label={t('recovery.title')}
          sx={{
            display: 'grid',
            gridTemplateColumns: 'repeat(3, auto)',
            justifyContent: 'center',
            columnGap: 4,
            rowGap: 1,
            fontFamily: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace',
            fontSize: '1.75rem',
            fontWeight: 600,
            letterSpacing: '0.12em',
            border: '2px dashed',
            borderColor: 'primary.main',
            borderRadius: 1,
            py: 2,
            mb: 2,
          }}
        >
          {/* Groups of five, read left to right, top to bottom; the dashes between them are optional. */}
          {recoveryCode.split('-').map((group, i) => (
            <span key={i}>{group}</span>
          ))}
        </Box>
        <Typography sx={{ mb: 2 }}>{t('recovery.instructions')}</Typography>
        <Alert severity="warning" className="no-print" sx={{ mb: 2 }}>
          {t('recovery.warning')}
        </Alert>
        <Stack className="no-print" spacing={1}>
          <Box>
            <Button variant="outlined" onClick={() => window.print()} autoFocus>
              {t('recovery.print')}
            </Button>
          </Box>
          <FormControlLabel
            control={<Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />}
            label={t('recovery.acknowledge')}
          />
          <Box>
            <Button variant="contained" size="large" disabled={!acknowledged} onClick={onContinue}>
              {t('recovery.continue')}
            </Button>
          </Box>
        </Stack>
      </Paper>
    </Box>
  );
}
