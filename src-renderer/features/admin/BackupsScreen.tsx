import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  Paper,
  Stack,
  Switch,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { useAction, useQuery } from '../../api/hooks';
import { useReauth } from './ReauthDialog';
import { useI18n } from '../../app/i18n';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';
import { KeysPanel } from './KeysPanel';
import { RestoreDialog } from './RestoreDialog';

type Settings = OutputOf<'settings.get'>;

/** Backup now, where automatic daily backups go and how many are kept, the idle lock time, and restore. */
export function BackupsScreen() {
  const { t, language } = useI18n();
  const status = useQuery('backup.status', {});
  const settings = useQuery('settings.get', {});
  const backupNow = useAction('backup.create', { invalidates: ['backup.status'] });
  const save = useAction('settings.update', { invalidates: ['settings.get', 'backup.status'] });
  // Where and whether backups go needs the password re-entered (the core answers REAUTH_REQUIRED).
  const { guarded, dialog } = useReauth();
  // The form shows the saved settings until someone edits them.
  const [edited, setDraft] = useState<Settings | null>(null);
  const draft = edited ?? settings.data ?? null;
  const [made, setMade] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });

  const runBackup = async () => {
    setMade(null);
    const result = await backupNow.run({});
    if (result.ok) setMade(result.value.file);
  };
  const saveSettings = async () => {
    if (!draft) return;
    setSaved(false);
    const result = await guarded(() =>
      save.run({
        idleLockMinutes: draft.idleLockMinutes,
        backupFolder: draft.backupFolder ?? '',
        backupKeep: draft.backupKeep,
        autoBackup: draft.autoBackup,
      }),
    );
    if (result.ok) {
      setDraft(null);
      setSaved(true);
    }
  };

  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('admin.backups')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Button variant="contained" size="large" onClick={() => void runBackup()} disabled={backupNow.busy}>
            {t('backups.now')}
          </Button>
          {status.data ? (
            <Typography color="text.secondary">
              {status.data.lastBackupAt
                ? t('backups.last', { time: when(status.data.lastBackupAt) })
                : t('backups.lastNever')}
            </Typography>
          ) : null}
        </Stack>
        {made ? (
          <Alert severity="success" role="status">
            {t('backups.made', { file: made })}
          </Alert>
        ) : null}
        <ErrorAlert failure={backupNow.failure ?? status.failure} />
        {status.data?.lastAutoError ? (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {t('backups.lastError', { error: status.data.lastAutoError })}
          </Alert>
        ) : null}
        {status.data?.onDataDisk ? (
          <Alert severity="info" sx={{ mt: 1 }}>
            {t('backups.onDataDisk')}
          </Alert>
        ) : null}
      </Paper>

      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        {!draft ? <DelayedProgress active={settings.busy} /> : null}
        {draft ? (
          <Stack spacing={2} sx={{ maxWidth: 640 }}>
            <TextField
              label={t('backups.folder')}
              value={draft.backupFolder ?? ''}
              onChange={(e) => setDraft({ ...draft, backupFolder: e.target.value })}
              helperText={t('backups.folderHint')}
              slotProps={{ htmlInput: { 'data-path': 'backupFolder' } }}
            />
            <Stack direction="row" spacing={2}>
              <TextField
                type="number"
                label={t('backups.keep')}
                value={draft.backupKeep}
                onChange={(e) => setDraft({ ...draft, backupKeep: Number(e.target.value) })}
                slotProps={{ htmlInput: { min: 1, max: 365, 'data-path': 'backupKeep' } }}
              />
              <TextField
                type="number"
                label={t('backups.idle')}
                value={draft.idleLockMinutes}
                onChange={(e) => setDraft({ ...draft, idleLockMinutes: Number(e.target.value) })}
                slotProps={{ htmlInput: { min: 1, max: 120, 'data-path': 'idleLockMinutes' } }}
              />
            </Stack>
            <FormControlLabel
              control={
                <Switch
                  checked={draft.autoBackup}
                  onChange={(e) => setDraft({ ...draft, autoBackup: e.target.checked })}
                />
              }
              label={t('backups.auto')}
            />
            <ErrorAlert failure={save.failure} />
            {saved ? (
              <Alert severity="success" role="status">
                {t('backups.saved')}
              </Alert>
            ) : null}
            <Box>
              <Button variant="contained" onClick={() => void saveSettings()} disabled={save.busy}>
                {t('backups.saveSettings')}
              </Button>
            </Box>
          </Stack>
        ) : null}
      </Paper>

      <KeysPanel />

      <Typography variant="h2" gutterBottom>
        {t('backups.list')}
      </Typography>
      {status.data && status.data.backups.length === 0 ? <Typography>{t('backups.none')}</Typography> : null}
      {status.data && status.data.backups.length > 0 ? (
        <SimpleTable
          label={t('backups.list')}
          columns={[t('backups.created'), t('backups.folder'), t('backups.size'), t('backups.schema'), null]}
        >
          {status.data.backups.map((b) => (
            <TableRow key={b.file}>
              <TableCell>{when(b.createdAt)}</TableCell>
              <TableCell sx={{ wordBreak: 'break-all' }}>{b.file}</TableCell>
              <TableCell>{(b.bytes / 1024 / 1024).toFixed(1)} MB</TableCell>
              <TableCell>{b.schemaVersion}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => setRestoring(b.file)}>
                  {t('backups.restore')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </SimpleTable>
      ) : null}
      <RestoreDialog file={restoring} onClose={() => setRestoring(null)} />
      {dialog}
    </Box>
  );
}
