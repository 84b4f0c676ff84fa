import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  Typography,
} from '@mui/material';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { labels } from './labels';

const show = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '—'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** Every change of a record: who, when, which fields from what to what, and why. */
export function HistoryDialog({
  entity,
  id,
  onClose,
}: {
  entity: 'patient' | 'visit' | 'referral';
  id: string;
  onClose(): void;
}) {
  const { t, language } = useI18n();
  const history = useQuery('patients.history', { entity, id });
  const entries = history.data?.entries ?? [];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('records.history')}</DialogTitle>
      <DialogContent>
        <ErrorAlert failure={history.failure} />
        <DelayedProgress active={history.busy && !history.data} />
        {history.data && entries.length === 0 ? <Typography>{t('records.noHistory')}</Typography> : null}
        <List data-testid="history">
          {[...entries].reverse().map((e) => (
            <ListItem key={e.version} divider sx={{ display: 'block' }}>
              <Typography sx={{ fontWeight: 600 }}>
                {t('records.historyLine', {
                  version: e.version,
                  action: labels.action(t, e.action),
                  when: new Date(e.at).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }),
                  who: e.byName ?? '—',
                })}
              </Typography>
              {e.reason ? (
                <Typography variant="body2">{t('records.reason', { reason: e.reason })}</Typography>
              ) : null}
              {e.changes.map((c) => (
                <Typography key={c.field} variant="body2" color="text.secondary">
                  {c.field}: {show(c.from)} → {show(c.to)}
                </Typography>
              ))}
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('records.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
