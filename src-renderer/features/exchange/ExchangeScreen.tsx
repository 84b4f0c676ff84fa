import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { actorHas } from '../../../shared/contract';
import { useAction } from '../../api/hooks';
import { onEvent } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';

type Work = 'exportJson' | 'exportFhir' | 'researchJson' | 'researchCsv' | 'import';
const FULL: readonly Work[] = ['exportJson', 'exportFhir', 'import'];

/** Export or import the facility's data: choose, watch the progress, read the result in plain words. */
export function ExchangeScreen() {
  const { t } = useI18n();
  const { session } = useSession();
  const full = session ? actorHas(session, 'exchange.manage') : false;
  const choices = (['exportJson', 'exportFhir', 'researchJson', 'researchCsv', 'import'] as const).filter(
    (w) => full || !FULL.includes(w),
  );
  const [work, setWork] = useState<Work>(choices[0] ?? 'researchJson');
  const [file, setFile] = useState('');
  const [otherFacility, setOtherFacility] = useState(false);
  const [reusableKey, setReusableKey] = useState(false);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const exporter = useAction('exchange.export');
  const importer = useAction('exchange.import');
  const research = useAction('exchange.research');
  const cancel = useAction('exchange.cancel');
  const busy = exporter.busy || importer.busy || research.busy;
  const failure = exporter.failure ?? importer.failure ?? research.failure;

  useEffect(() => onEvent('exchange.progress', (p) => setPercent(p.percent)), []);

  const start = async () => {
    setResult(null);
    setPercent(0);
    if (work === 'import') {
      const r = await importer.run({ file, otherFacility });
      if (r.ok) {
        const v = r.value;
        setResult(
          t(v.rebuilt ? 'exchange.result.rebuilt' : 'exchange.result.imported', {
            name: v.facilityName,
            added: v.added,
            updated: v.updated,
            unchanged: v.unchanged,
          }),
        );
      }
    } else if (work === 'exportJson' || work === 'exportFhir') {
      const r = await exporter.run({ format: work === 'exportJson' ? 'json' : 'fhir', file });
      if (r.ok) setResult(t('exchange.result.exported', { rows: r.value.rows, file: r.value.file }));
    } else {
      const r = await research.run({ format: work === 'researchCsv' ? 'csv' : 'json', file, reusableKey });
      if (r.ok) {
        const text = t('exchange.result.research', { rows: r.value.rows, file: r.value.file });
        setResult(r.value.key ? `${text} ${t('exchange.result.key', { key: r.value.key })}` : text);
      }
    }
    setPercent(null);
  };

  return (
    <Box sx={{ p: 3, maxWidth: 800, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('exchange.title')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack spacing={2}>
          <TextField
            select
            label={t('exchange.what')}
            value={work}
            onChange={(e) => setWork(e.target.value as Work)}
            disabled={busy}
            data-testid="exchange-work"
          >
            {choices.map((w) => (
              <MenuItem key={w} value={w}>
                {t(`exchange.work.${w}`)}
              </MenuItem>
            ))}
          </TextField>
          <Typography color="text.secondary">{t(`exchange.explain.${work}`)}</Typography>
          <TextField
            label={t(work === 'import' ? 'exchange.fileToRead' : 'exchange.fileToWrite')}
            value={file}
            onChange={(e) => setFile(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || file)) void start();
            }}
            disabled={busy}
            autoFocus
            data-testid="exchange-file"
          />
          {work === 'import' ? (
            <FormControlLabel
              control={
                <Switch checked={otherFacility} onChange={(e) => setOtherFacility(e.target.checked)} />
              }
              label={t('exchange.otherFacility')}
            />
          ) : null}
          {work.startsWith('research') ? (
            <FormControlLabel
              control={<Switch checked={reusableKey} onChange={(e) => setReusableKey(e.target.checked)} />}
              label={t('exchange.reusableKey')}
            />
          ) : null}
          <Stack direction="row" spacing={2}>
            <Button
              variant="contained"
              onClick={() => void start()}
              disabled={busy || !file}
              data-testid="exchange-start"
            >
              {t('exchange.start')}
            </Button>
            {busy ? (
              <Button onClick={() => void cancel.run({})} data-testid="exchange-cancel">
                {t('exchange.cancel')}
              </Button>
            ) : null}
          </Stack>
          {busy && percent !== null ? (
            <Box aria-label={t('exchange.progress', { percent })}>
              <LinearProgress variant="determinate" value={percent} />
              <Typography variant="body2">{t('exchange.progress', { percent })}</Typography>
            </Box>
          ) : null}
          <ErrorAlert failure={failure} />
          {result ? (
            <Alert severity="success" data-testid="exchange-result">
              {result}
            </Alert>
          ) : null}
        </Stack>
      </Paper>
    </Box>
  );
}
