import {
  Alert,
  Box,
  Button,
  MenuItem,
  Paper,
  Stack,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';

type Filter = InputOf<'audit.export'>;
type Row = OutputOf<'audit.list'>['rows'][number];

function clean(f: Record<string, string>): Filter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== '')) as Filter;
}

/** Audit trail for admins and managers: filter, page back in time, export CSV, check the hash chain. */
export function AuditScreen() {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState({ username: '', patientId: '', action: '', from: '', to: '' });
  const [filter, setFilter] = useState<Filter>({});
  // Newest first; "older" widens the page (up to the core's 500). Deeper history: filters or the CSV export.
  const [limit, setLimit] = useState(100);
  const page = useQuery('audit.list', { ...filter, limit });
  const exporter = useAction('audit.export', { invalidates: ['audit.list'] });
  const verifier = useAction('audit.verify');
  const [exported, setExported] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<OutputOf<'audit.verify'> | null>(null);
  const rows: Row[] = page.data?.rows ?? [];

  const apply = () => {
    setLimit(100);
    setFilter(clean(draft));
  };
  const exportCsv = async () => {
    const result = await exporter.run(filter);
    if (!result.ok) return;
    const url = URL.createObjectURL(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setExported(t('audit.exported', { rows: result.value.rows, file: result.value.fileName }));
  };
  const verify = async () => {
    const result = await verifier.run({});
    setVerdict(result.ok ? result.value : null);
  };
  const field = (name: keyof typeof draft, label: string, type = 'text') => (
    <TextField
      size="small"
      type={type}
      label={label}
      value={draft[name]}
      onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-path': name } }}
    />
  );

  return (
    <Box sx={{ p: 3, maxWidth: 1300, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('admin.audit')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          {field('username', t('audit.user'))}
          {field('patientId', t('audit.patient'))}
          <TextField
            select
            size="small"
            label={t('audit.action')}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">{t('audit.anyAction')}</MenuItem>
            {(page.data?.actions ?? []).map((a) => (
              <MenuItem key={a} value={a}>
                {a}
              </MenuItem>
            ))}
          </TextField>
          {field('from', t('audit.from'), 'date')}
          {field('to', t('audit.to'), 'date')}
          <Button variant="contained" onClick={apply}>
            {t('audit.apply')}
          </Button>
          <Button onClick={() => void exportCsv()} disabled={exporter.busy}>
            {t('audit.export')}
          </Button>
          <Button onClick={() => void verify()} disabled={verifier.busy}>
            {t('audit.verify')}
          </Button>
        </Stack>
      </Paper>
      {exported ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {exported}
        </Alert>
      ) : null}
      {verdict ? (
        <Alert
          severity={verdict.ok ? 'success' : 'error'}
          role="status"
          sx={{ mb: 2 }}
          data-testid="audit-verdict"
        >
          {verdict.ok
            ? t('audit.intact', { rows: verdict.rows })
            : t('audit.broken', { seq: verdict.brokenAtSeq ?? 0, reason: verdict.reason ?? '' })}
        </Alert>
      ) : null}
      <ErrorAlert failure={page.failure ?? exporter.failure ?? verifier.failure} sx={{ mb: 2 }} />
      {!page.data ? <DelayedProgress active={page.busy} /> : null}
      {page.data && rows.length === 0 ? <Typography>{t('audit.none')}</Typography> : null}
      {rows.length > 0 ? (
        <SimpleTable
          label={t('admin.audit')}
          columns={[
            '#',
            t('audit.time'),
            t('audit.user'),
            t('audit.action'),
            t('audit.entity'),
            t('audit.detail'),
          ]}
        >
          {rows.map((r) => (
            <TableRow key={r.seq}>
              <TableCell>{r.seq}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {new Date(r.at).toLocaleString(language, { dateStyle: 'short', timeStyle: 'medium' })}
              </TableCell>
              <TableCell>{r.username ?? r.role ?? '—'}</TableCell>
              <TableCell>{r.action}</TableCell>
              <TableCell>{r.entity ? `${r.entity} ${r.entityId ?? ''}` : (r.patientId ?? '')}</TableCell>
              <TableCell>{r.detail}</TableCell>
            </TableRow>
          ))}
        </SimpleTable>
      ) : null}
      {page.data?.nextBeforeSeq && limit < 500 ? (
        <Button sx={{ mt: 2 }} onClick={() => setLimit(Math.min(500, limit + 100))}>
          {t('audit.more')}
        </Button>
      ) : null}
    </Box>
  );
}
