import { Box, Button, Chip, Paper, Stack, TableCell, TableRow, Typography } from '@mui/material';
import type { CaseloadLine } from '../../../shared/contract/channels/cmam';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';
import { dateText, fullName } from '../patients/format';

/** Children in treatment now (OTP, SC, TSFP), with links to the dashboard, tracing list and stock. */
export function CaseloadScreen() {
  const { t, language } = useI18n();
  const q = useQuery('cmam.caseload', {});
  const lines = q.data?.lines ?? [];
  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h1" sx={{ flex: 1 }}>
          {t('cmam.caseload.title')}
        </Typography>
        <Button variant="outlined" onClick={() => navigate('cmam.dashboard')}>
          {t('cmam.caseload.dashboard')}
        </Button>
        <Button variant="outlined" onClick={() => navigate('cmam.defaulters')}>
          {t('cmam.caseload.defaulters')}
        </Button>
        <Button variant="outlined" onClick={() => navigate('cmam.stock')}>
          {t('cmam.caseload.stock')}
        </Button>
        <Button variant="outlined" onClick={() => navigate('cmam.settings')}>
          {t('cmam.caseload.settings')}
        </Button>
      </Stack>
      <ErrorAlert failure={q.failure} />
      <DelayedProgress active={q.busy} />
      <Paper variant="outlined">
        {q.data && lines.length === 0 ? (
          <Typography sx={{ p: 2 }}>{t('cmam.caseload.empty')}</Typography>
        ) : null}
        {lines.length > 0 ? (
          <SimpleTable
            label={t('cmam.caseload.title')}
            columns={[
              t('cmam.col.number'),
              t('cmam.col.child'),
              t('cmam.col.admitted'),
              t('cmam.col.lastVisit'),
              t('cmam.col.nextVisit'),
              t('cmam.col.missed'),
            ]}
          >
            {lines.map((l) => (
              <CaseRow key={l.episodeId} line={l} language={language} />
            ))}
          </SimpleTable>
        ) : null}
      </Paper>
    </Box>
  );
}

function CaseRow({ line, language }: { line: CaseloadLine; language: string }) {
  return (
    <TableRow hover>
      <TableCell>
        <Button size="small" onClick={() => navigate('cmam.episode', { episodeId: line.episodeId })}>
          {line.number}
        </Button>
      </TableCell>
      <TableCell>{fullName(line.patient)}</TableCell>
      <TableCell>{dateText(language, line.admissionDate)}</TableCell>
      <TableCell>{dateText(language, line.lastVisitDate)}</TableCell>
      <TableCell>{line.nextVisitDate ? dateText(language, line.nextVisitDate) : '—'}</TableCell>
      <TableCell>
        {line.missedVisits > 0 ? <Chip size="small" color="warning" label={line.missedVisits} /> : '0'}
      </TableCell>
    </TableRow>
  );
}
