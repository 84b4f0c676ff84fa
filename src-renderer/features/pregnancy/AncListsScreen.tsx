import {
  Box,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { formatGestationalAge } from '../../../shared/clinical';
import type { ListLine } from '../../../shared/contract/channels/pregnancy';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { RouteLink } from '../../app/router';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateText, todayText } from '../patients/format';
import { usePhoneText } from '../patients/use-phone-text';

function ListTable({
  title,
  lines,
  testId,
}: {
  title: string;
  lines: readonly ListLine[] | undefined;
  testId: string;
}) {
  const { t, language } = useI18n();
  const phone = usePhoneText();
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={testId}>
      <Typography variant="h2" gutterBottom>
        {title}
      </Typography>
      {!lines ? (
        <DelayedProgress active />
      ) : lines.length === 0 ? (
        <Typography>{t('pregnancy.lists.empty')}</Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>{t('pregnancy.col.name')}</TableCell>
              <TableCell>{t('pregnancy.col.phone')}</TableCell>
              <TableCell>{t('pregnancy.col.village')}</TableCell>
              <TableCell>{t('pregnancy.col.ga')}</TableCell>
              <TableCell>{t('pregnancy.col.contact')}</TableCell>
              <TableCell>{t('pregnancy.col.date')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.pregnancyId}>
                <TableCell>
                  <RouteLink to="pregnancy.view" params={{ pregnancyId: l.pregnancyId }}>
                    {`${l.givenName} ${l.familyName}`}
                  </RouteLink>{' '}
                  ({l.registrationNumber})
                </TableCell>
                <TableCell>{phone(l.phone)}</TableCell>
                <TableCell>{l.village}</TableCell>
                <TableCell>
                  {l.gestationalAgeDays === null ? '' : formatGestationalAge(l.gestationalAgeDays)}
                </TableCell>
                <TableCell>{l.contactNumber ?? ''}</TableCell>
                <TableCell>{dateText(language, l.date)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

/** Due this week and missed contacts, with phone and village, printable for community health workers. */
export function AncListsScreen() {
  const { t } = useI18n();
  // The lists as they stand on a chosen day (today by default): next week's round can be printed ahead.
  const [on, setOn] = useState(todayText());
  const input = /^\d{4}-\d{2}-\d{2}$/.test(on) ? { on } : {};
  const due = useQuery('pregnancy.dueList', input);
  const missed = useQuery('pregnancy.missedList', input);
  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
        <Typography variant="h1">{t('pregnancy.lists.title')}</Typography>
        <TextField
          type="date"
          label={t('pregnancy.lists.on')}
          value={on}
          onChange={(e) => setOn(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-path': 'on' } }}
          size="small"
        />
        <Button variant="outlined" onClick={() => window.print()} sx={{ displayPrint: 'none' }}>
          {t('pregnancy.lists.print')}
        </Button>
      </Stack>
      <ErrorAlert failure={due.failure ?? missed.failure} />
      <Stack spacing={2}>
        <ListTable title={t('pregnancy.lists.due')} lines={due.data?.lines} testId="list-due" />
        <ListTable title={t('pregnancy.lists.missed')} lines={missed.data?.lines} testId="list-missed" />
      </Stack>
    </Box>
  );
}
