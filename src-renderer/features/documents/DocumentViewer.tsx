import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { DocumentListItem } from '../../../shared/contract/channels/documents';
import { useAction } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VoidDialog } from '../patients/VoidDialog';
import { dateText } from '../patients/format';
import { blobOf, categoryLabel } from './format';

const STALE = ['documents.list', 'patients.chart'] as const;

/**
 * One document, opened through `documents.open` (audited as a read of the patient): an image inline, a PDF in
 * the browser's viewer. Both from an object URL made in this page and revoked on close, so the bytes never
 * leave memory.
 */
export function DocumentViewer({
  item,
  canVoid,
  onClose,
}: {
  item: DocumentListItem;
  canVoid: boolean;
  onClose(): void;
}) {
  const { t, language } = useI18n();
  // An action, not a cached query: every opening is a fresh, audited read, and megabytes stay out of the cache.
  const opened = useAction('documents.open');
  const voidAction = useAction('documents.void', { invalidates: STALE });
  const [url, setUrl] = useState<string | null>(null);
  const [voiding, setVoiding] = useState(false);
  const run = opened.run;

  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    void run({ id: item.id }).then((result) => {
      if (!live || !result.ok) return;
      objectUrl = URL.createObjectURL(blobOf(result.value.content, result.value.document.mimeType));
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [run, item.id]);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-label={item.title}>
      <DialogTitle sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        {item.title}
        <Chip size="small" label={categoryLabel(t, item.category)} />
        <Typography color="text.secondary">{dateText(language, item.documentDate)}</Typography>
        {item.voided ? <Chip size="small" label={t('records.voided')} /> : null}
      </DialogTitle>
      <DialogContent dividers sx={{ minHeight: 320 }}>
        <ErrorAlert failure={opened.failure} />
        {!url ? <DelayedProgress active={opened.busy} label={t('documents.view.loading')} /> : null}
        {url && item.mimeType !== 'application/pdf' ? (
          <Box
            component="img"
            src={url}
            alt={item.title}
            data-testid="document-image"
            sx={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', mx: 'auto' }}
          />
        ) : null}
        {url && item.mimeType === 'application/pdf' ? (
          <Box
            component="iframe"
            src={url}
            title={item.title}
            data-testid="document-pdf"
            sx={{ width: '100%', height: '70vh', border: 0 }}
          />
        ) : null}
        {item.voided && item.voidReason ? (
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            {item.voidReason}
          </Typography>
        ) : null}
      </DialogContent>
      <DialogActions>
        {canVoid && !item.voided ? (
          <Button color="error" onClick={() => setVoiding(true)}>
            {t('documents.view.void')}
          </Button>
        ) : null}
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={onClose} variant="contained">
          {t('documents.view.close')}
        </Button>
      </DialogActions>
      <VoidDialog
        open={voiding}
        title={t('documents.void.title')}
        explain={t('documents.void.explain')}
        busy={voidAction.busy}
        failure={voidAction.failure}
        onCancel={() => setVoiding(false)}
        onVoid={(reason) =>
          void voidAction.run({ id: item.id, expectedVersion: item.version, reason }).then((r) => {
            if (r.ok) onClose();
          })
        }
      />
    </Dialog>
  );
}
