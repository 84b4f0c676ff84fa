import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  Paper,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useState } from 'react';
import { isMessageKey, translateDynamic } from '../../../shared/i18n';
import {
  REPORT_NAMES,
  type ReportName,
  type ReportTableView,
} from '../../../shared/contract/channels/reports';
import { roleHas } from '../../../shared/contract';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TrendChart } from './TrendChart';

const keyOf = (name: string) => name.replace(/-/g, '_');

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function download(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Monthly reports: month picker, one tab per report, clickable numbers, 12-month trends, PDF, CSV, freeze. */
export function ReportsScreen() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const [month, setMonth] = useState(lastMonth);
  const [report, setReport] = useState<ReportName>('cmam-OTP');
  const [cell, setCell] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const label = useCallback(
    (key: string) => (isMessageKey(key) ? translateDynamic(language, key) : key),
    [language],
  );
  const threshold = useCallback(
    (series: string, percent: number) =>
      translateDynamic(language, 'reports.trend.threshold', { series, percent }),
    [language],
  );
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const data = useQuery('reports.monthly', { month: valid ? month : '2000-01', report });
  const trends = useQuery('reports.trends', { month: valid ? month : '2000-01', report });
  const pdf = useAction('reports.pdf');
  const csv = useAction('reports.csv');
  const freeze = useAction('reports.freeze', { invalidates: ['reports.monthly'] });
  const canFreeze = session ? roleHas(session.role, 'reports.freeze') : false;
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const when = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const getPdf = async (print: boolean) => {
    const r = await pdf.run({ month, report, language });
    if (!r.ok) return;
    const bytes = Uint8Array.from(atob(r.value.base64), (ch) => ch.charCodeAt(0));
    const blob = new Blob([bytes], { type: 'application/pdf' });
    if (!print) return download(r.value.fileName, blob);
    // The system print dialog, from the PDF itself (Electron and browsers print PDFs in a window).
    const w = window.open(URL.createObjectURL(blob));
    w?.addEventListener('load', () => w.print());
  };
  const getCsv = async () => {
    const r = await csv.run({ month, report, language });
    if (r.ok) download(r.value.fileName, new Blob([r.value.text], { type: 'text/csv;charset=utf-8' }));
  };

  const view = data.data;
  return (
    <Box sx={{ p: 3, maxWidth: 1300, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('reports.title')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          type="month"
          label={t('reports.month')}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          size="small"
        />
        <Button variant="outlined" onClick={() => void getPdf(false)} disabled={!valid || pdf.busy}>
          {t('reports.action.pdf')}
        </Button>
        <Button variant="outlined" onClick={() => void getPdf(true)} disabled={!valid || pdf.busy}>
          {t('reports.action.print')}
        </Button>
        <Button variant="outlined" onClick={() => void getCsv()} disabled={!valid || csv.busy}>
          {t('reports.action.csv')}
        </Button>
        {canFreeze && view && !view.frozen ? (
          <Button variant="contained" onClick={() => setConfirm(true)} disabled={!valid}>
            {t('reports.action.freeze')}
          </Button>
        ) : null}
      </Stack>
      <Tabs value={report} onChange={(_, v: ReportName) => setReport(v)} variant="scrollable" sx={{ mb: 2 }}>
        {REPORT_NAMES.map((n) => (
          <Tab key={n} value={n} label={label(`reports.name.${keyOf(n)}`)} />
        ))}
      </Tabs>
      <ErrorAlert failure={data.failure ?? pdf.failure ?? csv.failure ?? freeze.failure} />
      <DelayedProgress active={data.busy && !view} />
      {view?.frozen ? (
        <Alert severity={view.differences.length ? 'warning' : 'info'} sx={{ mb: 2 }}>
          {t('reports.frozen.banner', { at: when(view.frozen.frozenAt), name: view.frozen.frozenByName })}{' '}
          {view.differences.length === 0
            ? t('reports.frozen.unchanged')
            : t('reports.frozen.changed', { count: view.differences.length })}
          {view.differences.slice(0, 30).map((d) => (
            <div key={d.key}>
              {t('reports.diff.line', { cell: d.key, frozen: d.frozen ?? '—', live: d.live ?? '—' })}
              {d.records.map(
                (r) => ` · ${r.registrationNumber ?? r.id}: ${label(`reports.reason.${keyOf(r.reason)}`)}`,
              )}
            </div>
          ))}
        </Alert>
      ) : null}
      {view && !view.balance.ok ? (
        <Alert severity="error">
          {t('reports.balance.failed')}
          {view.balance.failures.map((f) => (
            <div key={f.id}>
              {f.registrationNumber ?? f.id}: {f.problem}
            </div>
          ))}
        </Alert>
      ) : null}
      {view && view.balance.ok
        ? view.tables.map((table) => (
            <ReportTableView
              key={table.id}
              table={table}
              label={label}
              format={(v) => (v === null ? '—' : number.format(v))}
              onCell={(row, col) => setCell(`${table.id}/${row}/${col}`)}
              outside={t('reports.standard.outside')}
            />
          ))
        : null}
      {trends.data && report !== 'programmes' ? (
        <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
          <TrendChart
            trends={trends.data}
            kind="count"
            label={label}
            title={t('reports.trend.title')}
            threshold={threshold}
          />
          {trends.data.series.some((s) => s.kind === 'rate') ? (
            <TrendChart
              trends={trends.data}
              kind="rate"
              label={label}
              title={t('reports.ind.title')}
              threshold={threshold}
            />
          ) : null}
        </Paper>
      ) : null}
      {cell ? <DrillDialog month={month} report={report} cell={cell} onClose={() => setCell(null)} /> : null}
      <Dialog open={confirm} onClose={() => setConfirm(false)}>
        <DialogContent>{t('reports.freeze.confirm', { month })}</DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)}>{t('patients.cancel')}</Button>
          <Button
            variant="contained"
            disabled={freeze.busy}
            onClick={async () => {
              await freeze.run({ month, language });
              setConfirm(false);
            }}
          >
            {t('reports.action.freeze')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

function ReportTableView({
  table,
  label,
  format,
  onCell,
  outside,
}: {
  table: ReportTableView;
  label(key: string): string;
  format(v: number | null): string;
  onCell(row: string, column: string): void;
  outside: string;
}) {
  const rate = table.kind === 'rate';
  return (
    <Paper variant="outlined" sx={{ mb: 2, overflowX: 'auto' }}>
      <Typography variant="h2" sx={{ p: 1.5, fontSize: '1.1rem' }}>
        {label(table.title)}
      </Typography>
      <Table size="small" aria-label={label(table.title)}>
        <TableHead>
          <TableRow>
            <TableCell />
            {table.columns.map((c) => (
              <TableCell key={c.key} align="right">
                {label(c.label)}
              </TableCell>
            ))}
            {rate ? <TableCell align="right">{label('reports.col.standard')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell sx={{ pl: 2 + 2 * (r.level ?? 0) }}>
                {r.literal ? r.label : label(r.label)}
              </TableCell>
              {table.columns.map((c) => {
                const cell = r.cells[c.key];
                const red = cell?.meets === false;
                const drillable =
                  cell && cell.value !== null && cell.value > 0 && (!rate || c.key !== 'value');
                return (
                  <TableCell
                    key={c.key}
                    align="right"
                    sx={red ? { color: 'error.main', fontWeight: 700 } : undefined}
                    title={red ? outside : undefined}
                  >
                    {drillable ? (
                      <Link
                        component="button"
                        onClick={() => onCell(r.key, c.key)}
                        data-testid={`cell-${table.id}-${r.key}-${c.key}`}
                      >
                        {format(cell.value)}
                      </Link>
                    ) : cell ? (
                      format(cell.value)
                    ) : null}
                  </TableCell>
                );
              })}
              {rate ? (
                <TableCell align="right">
                  {r.threshold ? `${r.threshold.op} ${r.threshold.percent} %` : ''}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

function DrillDialog({
  month,
  report,
  cell,
  onClose,
}: {
  month: string;
  report: ReportName;
  cell: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  const list = useQuery('reports.drilldown', { month, report, cell });
  const sexLabel = (sex: string) =>
    sex === 'male' ? t('patients.sex.male') : sex === 'female' ? t('patients.sex.female') : sex;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('reports.drill.title')}</DialogTitle>
      <DialogContent>
        <ErrorAlert failure={list.failure} />
        <DelayedProgress active={list.busy && !list.data} />
        {list.data?.records.length === 0 ? <Typography>{t('reports.drill.none')}</Typography> : null}
        {list.data && list.data.records.length > 0 ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('reports.drill.registration')}</TableCell>
                <TableCell>{t('reports.drill.name')}</TableCell>
                <TableCell>{t('reports.drill.sex')}</TableCell>
                <TableCell>{t('reports.drill.birthDate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.records.map((r) => (
                <TableRow key={r.recordId} data-testid="drill-row">
                  <TableCell>{r.registrationNumber}</TableCell>
                  <TableCell>
                    <Link href={`#/patients/${r.patientId}`}>
                      {r.givenName} {r.familyName}
                    </Link>
                  </TableCell>
                  <TableCell>{sexLabel(r.sex)}</TableCell>
                  <TableCell>{r.birthDate}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('patients.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
