import {
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  TableCell,
  TableRow,
  TableSortLabel,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import type { CaseloadLine } from '../../../shared/contract/channels/cmam';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';
import { dateText, fullName } from '../patients/format';
import { usePhoneText } from '../patients/use-phone-text';

type Sort = 'missed' | 'village' | 'name';
const SORTS: Record<Sort, (a: CaseloadLine, b: CaseloadLine) => number> = {
  missed: (a, b) => b.missedVisits - a.missedVisits,
  village: (a, b) => a.patient.village.localeCompare(b.patient.village),
  name: (a, b) => fullName(a.patient).localeCompare(fullName(b.patient)),
};

/** Children who missed their appointment, sortable, printable for community health workers (window.print). */
export function DefaultersScreen() {
  const { t, language } = useI18n();
  const phone = usePhoneText();
  const q = useQuery('cmam.defaulters', {});
  const [sort, setSort] = useState<Sort>('missed');
  const lines = useMemo(() => [...(q.data?.lines ?? [])].sort(SORTS[sort]), [q.data, sort]);
  const head = (key: Sort, label: string) => (
    <TableSortLabel active={sort === key} onClick={() => setSort(key)}>
      {label}
    </TableSortLabel>
  );
  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto', '@media print': { p: 0, maxWidth: 'none' } }}>
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
        <Typography variant="h1" sx={{ flex: 1 }}>
          {t('cmam.defaulters.title')}
        </Typography>
        <Button
          variant="contained"
          onClick={() => window.print()}
          sx={{ '@media print': { display: 'none' } }}
        >
          {t('cmam.defaulters.print')}
        </Button>
      </Stack>
      <ErrorAlert failure={q.failure} />
      {q.data ? (
        <Typography sx={{ mb: 1 }}>
          {t('cmam.defaulters.asOf', { date: dateText(language, q.data.asOf), n: String(q.data.threshold) })}
        </Typography>
      ) : null}
      <Paper variant="outlined">
        {q.data && lines.length === 0 ? (
          <Typography sx={{ p: 2 }}>{t('cmam.defaulters.empty')}</Typography>
        ) : null}
        {lines.length > 0 ? (
          <SimpleTable
            label={t('cmam.defaulters.title')}
            columns={[
              t('cmam.col.number'),
              head('name', t('cmam.col.child')),
              t('cmam.col.caregiver'),
              t('cmam.col.phone'),
              head('village', t('cmam.col.village')),
              t('cmam.col.lastVisit'),
              head('missed', t('cmam.col.missed')),
            ]}
          >
            {lines.map((l) => (
              <TableRow key={l.episodeId} data-testid="defaulter-row">
                <TableCell>
                  <Button size="small" onClick={() => navigate('cmam.episode', { episodeId: l.episodeId })}>
                    {l.number}
                  </Button>
                </TableCell>
                <TableCell>{fullName(l.patient)}</TableCell>
                <TableCell>{l.patient.caregiverName}</TableCell>
                <TableCell>{phone(l.patient.caregiverPhone || l.patient.phone)}</TableCell>
                <TableCell>{l.patient.village}</TableCell>
                <TableCell>{dateText(language, l.lastVisitDate)}</TableCell>
                <TableCell>
                  {l.missedVisits >= 3 ? '3+' : l.missedVisits}
                  {l.proposeDefault ? (
                    <Chip size="small" color="error" label={t('cmam.defaulters.propose')} sx={{ ml: 1 }} />
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </SimpleTable>
        ) : null}
      </Paper>
    </Box>
  );
}
