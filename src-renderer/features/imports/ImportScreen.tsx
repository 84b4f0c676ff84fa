import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { invoke } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';

type Preview = OutputOf<'imports.patientsPreview'>;

/** CSV import: download the template, choose a file, read the preview, then confirm (all rows or none). */
export function ImportScreen() {
  const { t, fieldError } = useI18n();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [decision, setDecision] = useState<'import' | 'skip' | ''>('');
  const [done, setDone] = useState<OutputOf<'imports.patientsCommit'> | null>(null);
  const check = useAction('imports.patientsPreview');
  const commit = useAction('imports.patientsCommit', { invalidates: ['patients.search', 'home.summary'] });

  const downloadTemplate = async () => {
    const result = await invoke('imports.patientsTemplate', {});
    if (!result.ok) return;
    const url = URL.createObjectURL(
      new Blob([`\uFEFF${result.value.csv}`], { type: 'text/csv;charset=utf-8' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = result.value.filename;
    a.click();
    URL.revokeObjectURL(url);
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFileName(file.name);
    setPreview(null);
    setDone(null);
    setDecision('');
    const text = await file.text();
    setCsv(text);
    const result = await check.run({ csv: text });
    if (result.ok) setPreview(result.value);
  };

  const confirm = async () => {
    if (!csv || !preview) return;
    const result = await commit.run({
      csv,
      fileHash: preview.fileHash,
      ...(decision ? { duplicates: decision } : {}),
    });
    if (result.ok) {
      setDone(result.value);
      setPreview(null);
      setCsv(null);
    }
  };

  const canCommit =
    preview !== null && preview.errors.length === 0 && (preview.duplicates.length === 0 || decision !== '');
  return (
    <Box sx={{ p: 3, maxWidth: 1300, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('imports.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('imports.explain')}</Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <Button onClick={() => void downloadTemplate()}>{t('imports.template')}</Button>
        <Button variant="contained" component="label">
          {t('imports.choose')}
          <input
            hidden
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void choose(e)}
            data-testid="import-file"
          />
        </Button>
        {fileName ? <Typography sx={{ alignSelf: 'center' }}>{fileName}</Typography> : null}
      </Stack>
      <ErrorAlert failure={check.failure ?? commit.failure} />
      {done ? (
        <Alert severity="success" role="status" data-testid="import-done">
          {t('imports.done', {
            n: done.imported,
            skipped: done.skipped,
            first: done.firstNumber ?? '—',
            last: done.lastNumber ?? '—',
          })}
        </Alert>
      ) : null}
      {preview ? (
        <Stack spacing={2}>
          <Alert severity={preview.errors.length > 0 ? 'error' : 'info'} data-testid="import-summary">
            {t('imports.summary', {
              rows: preview.rowCount,
              valid: preview.validCount,
              errors: preview.errors.length + preview.moreErrors,
            })}
          </Alert>
          {preview.errors.length > 0 ? (
            <Paper variant="outlined">
              <SimpleTable
                label={t('imports.errors')}
                columns={[t('imports.row'), t('imports.column'), t('imports.problem')]}
              >
                {preview.errors.map((e, i) => (
                  <TableRow key={i} data-testid="import-error">
                    <TableCell>{e.row}</TableCell>
                    <TableCell>{e.column || '—'}</TableCell>
                    <TableCell>{fieldError(e)}</TableCell>
                  </TableRow>
                ))}
              </SimpleTable>
            </Paper>
          ) : null}
          {preview.duplicates.length > 0 ? (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography variant="h3" gutterBottom>
                {t('imports.duplicates', { n: preview.duplicates.length })}
              </Typography>
              {preview.duplicates.map((d) => (
                <Typography key={d.row} data-testid="import-duplicate">
                  {t('imports.duplicateRow', { row: d.row })}{' '}
                  {d.sameAsRow ? t('imports.sameAsRow', { row: d.sameAsRow }) : ''}{' '}
                  {d.candidates
                    .map(
                      (c) =>
                        `${c.patient.givenName} ${c.patient.familyName} (${c.patient.registrationNumber})`,
                    )
                    .join(', ')}
                </Typography>
              ))}
              <RadioGroup value={decision} onChange={(e) => setDecision(e.target.value as 'import' | 'skip')}>
                <FormControlLabel value="skip" control={<Radio />} label={t('imports.skipDuplicates')} />
                <FormControlLabel value="import" control={<Radio />} label={t('imports.importDuplicates')} />
              </RadioGroup>
            </Paper>
          ) : null}
          <Paper variant="outlined" sx={{ maxHeight: 360, overflow: 'auto' }}>
            <SimpleTable
              stickyHeader
              label={t('imports.preview')}
              columns={[
                t('imports.row'),
                t('patients.field.givenName'),
                t('patients.field.familyName'),
                t('patients.field.sex'),
                t('patients.field.birthDate'),
                t('patients.field.village'),
                t('patients.field.caregiverName'),
              ]}
            >
              {preview.rows.map((r) => (
                <TableRow key={r.row} sx={{ bgcolor: r.ok ? undefined : 'error.50' }}>
                  <TableCell>{r.row}</TableCell>
                  <TableCell>{r.givenName}</TableCell>
                  <TableCell>{r.familyName}</TableCell>
                  <TableCell>{r.sex}</TableCell>
                  <TableCell>
                    {r.birthDate}
                    {r.birthDateEstimated ? ` ${t('patients.estimatedMark')}` : ''}
                  </TableCell>
                  <TableCell>{r.village}</TableCell>
                  <TableCell>{r.caregiverName}</TableCell>
                </TableRow>
              ))}
            </SimpleTable>
          </Paper>
          <Box>
            <Button
              variant="contained"
              size="large"
              disabled={!canCommit || commit.busy}
              onClick={() => void confirm()}
            >
              {t('imports.confirm', {
                n: preview.validCount - (decision === 'skip' ? preview.duplicates.length : 0),
              })}
            </Button>
          </Box>
        </Stack>
      ) : null}
    </Box>
  );
}
