import { Box, Button, ButtonBase, Chip, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { DocumentListItem } from '../../../shared/contract/channels/documents';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateText } from '../patients/format';
import { AttachDialog } from './AttachDialog';
import { DocumentViewer } from './DocumentViewer';
import { categoryLabel, sizeText } from './format';

/** The chart's documents: small previews (never the files), newest first; a click opens the viewer. */
export function DocumentsPanel({
  patientId,
  canWrite,
  active,
}: {
  patientId: string;
  canWrite: boolean;
  /** The patient can take new entries (not voided or merged). */
  active: boolean;
}) {
  const { t, language } = useI18n();
  const list = useQuery('documents.list', { patientId });
  const [attaching, setAttaching] = useState(false);
  const [viewing, setViewing] = useState<DocumentListItem | null>(null);
  const documents = list.data?.documents ?? [];

  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label={t('documents.panel.title')}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h2" sx={{ flexGrow: 1 }}>
          {t('documents.panel.title')}
        </Typography>
        {canWrite && active ? (
          <Button variant="outlined" onClick={() => setAttaching(true)} data-testid="attach-document">
            {t('documents.panel.attach')}
          </Button>
        ) : null}
      </Stack>
      <ErrorAlert failure={list.failure} />
      {!list.data ? <DelayedProgress active={list.busy} label={t('documents.panel.loading')} /> : null}
      {list.data && documents.length === 0 ? (
        <Typography color="text.secondary">{t('documents.panel.empty')}</Typography>
      ) : null}
      <Box
        data-testid="documents"
        sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))' }}
      >
        {documents.map((d) => (
          <ButtonBase
            key={d.id}
            onClick={() => setViewing(d)}
            data-testid="document-item"
            aria-label={d.title}
            sx={{
              display: 'block',
              textAlign: 'left',
              borderRadius: 1,
              border: 1,
              borderColor: 'divider',
              p: 1,
              opacity: d.voided ? 0.55 : 1,
              '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main' },
            }}
          >
            <Box
              sx={{
                height: 120,
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                bgcolor: 'action.hover',
                mb: 1,
              }}
            >
              {d.thumbnail ? (
                <Box component="img" src={d.thumbnail} alt="" sx={{ maxWidth: '100%', maxHeight: 120 }} />
              ) : (
                <Typography variant="h3" color="text.secondary" aria-hidden>
                  {t('documents.kind.pdf')}
                </Typography>
              )}
            </Box>
            <Typography sx={{ fontWeight: 600 }} noWrap>
              {d.title}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {categoryLabel(t, d.category)} · {dateText(language, d.documentDate)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {sizeText(t, language, d.sizeBytes)}
              {d.voided ? <Chip size="small" label={t('records.voided')} sx={{ ml: 1 }} /> : null}
            </Typography>
          </ButtonBase>
        ))}
      </Box>
      {attaching ? <AttachDialog patientId={patientId} onClose={() => setAttaching(false)} /> : null}
      {viewing ? <DocumentViewer item={viewing} canVoid={canWrite} onClose={() => setViewing(null)} /> : null}
    </Paper>
  );
}
