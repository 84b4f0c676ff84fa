import { Box, Chip, List, ListItem, ListItemButton, Paper, Typography } from '@mui/material';
import type { TimelineItem } from '../../../shared/contract/channels/patients';
import { useI18n, useT } from '../../app/i18n';
import { cmamLabels } from '../cmam/labels';
import { navigate } from '../../app/router';
import { dateText, statusColor } from './format';
import { labels } from './labels';

/** Visits, referrals (and, with their issues, enrolments and pregnancies), newest first; voided ones greyed. */
export function Timeline({ items }: { items: readonly TimelineItem[] }) {
  const { t, language } = useI18n();
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label={t('patients.timeline.title')}>
      <Typography variant="h2" gutterBottom>
        {t('patients.timeline.title')}
      </Typography>
      {items.length === 0 ? (
        <Typography color="text.secondary">{t('patients.timeline.empty')}</Typography>
      ) : null}
      <List disablePadding data-testid="timeline">
        {items.map((item) => {
          const body = (
            <Box
              sx={{
                display: 'flex',
                gap: 2,
                alignItems: 'baseline',
                flexWrap: 'wrap',
                opacity: item.voided ? 0.55 : 1,
                width: '100%',
              }}
            >
              <Typography sx={{ minWidth: 120, fontWeight: 600 }}>{dateText(language, item.date)}</Typography>
              <Line item={item} />
              {item.voided ? <Chip size="small" label={t('records.voided')} /> : null}
            </Box>
          );
          return item.kind === 'visit' ? (
            <ListItemButton
              key={`${item.kind}-${item.id}`}
              divider
              onClick={() => navigate('visits.edit', { visitId: item.id })}
              data-testid="timeline-visit"
            >
              {body}
            </ListItemButton>
          ) : (
            <ListItem key={`${item.kind}-${item.id}`} divider data-testid={`timeline-${item.kind}`}>
              {body}
            </ListItem>
          );
        })}
      </List>
    </Paper>
  );
}

function Line({ item }: { item: TimelineItem }) {
  const { t } = useI18n();
  switch (item.kind) {
    case 'visit':
      return (
        <>
          <Typography sx={{ minWidth: 160 }}>{labels.visitType(t, item.type)}</Typography>
          {item.weightKg !== null ? (
            <Typography>{t('patients.timeline.weight', { kg: item.weightKg })}</Typography>
          ) : null}
          {item.muacMm !== null ? (
            <Typography>{t('patients.timeline.muac', { mm: item.muacMm })}</Typography>
          ) : null}
          {item.nutritionStatus ? (
            <Chip
              size="small"
              color={statusColor(item.nutritionStatus)}
              label={t(`visits.status.${item.nutritionStatus}`)}
            />
          ) : null}
          {item.diagnoses.length > 0 ? (
            <Typography color="text.secondary">{item.diagnoses.join('; ')}</Typography>
          ) : null}
          {item.clinicianName ? (
            <Typography variant="body2" color="text.secondary">
              {item.clinicianName}
            </Typography>
          ) : null}
        </>
      );
    case 'referral':
      return (
        <>
          <Typography sx={{ minWidth: 160 }}>
            {t('patients.timeline.referral', { facility: item.facilityName })}
          </Typography>
          <Chip
            size="small"
            label={labels.urgency(t, item.urgency)}
            color={item.urgency === 'routine' ? 'default' : 'warning'}
          />
          <Typography color="text.secondary">
            {item.status === 'open'
              ? t('referrals.status.open')
              : t('patients.timeline.feedback', {
                  outcome: item.outcome ? labels.outcome(t, item.outcome) : '',
                })}
          </Typography>
        </>
      );
    case 'enrolment':
      return <Typography>{t('patients.timeline.enrolment', { programme: item.programme })}</Typography>;
    case 'pregnancy':
      return <Typography>{item.summary}</Typography>;
    case 'programme-event':
      return <ProgrammeEvent item={item} />;
    case 'document':
      return <Typography>{t('documents.timeline.item', { title: item.title })}</Typography>;
  }
}

/** A CMAM admission, follow-up, exit or move, or an unenrolment (features/cmam owns the words). */
function ProgrammeEvent({ item }: { item: Extract<TimelineItem, { kind: 'programme-event' }> }) {
  const t = useT();
  const outcome =
    item.outcome === null
      ? ''
      : item.event === 'exit' || item.event === 'move'
        ? cmamLabels.exit(t, item.outcome)
        : item.event === 'admission'
          ? cmamLabels.type(t, item.outcome)
          : item.outcome;
  return (
    <Typography>
      {t('patients.timeline.programmeEvent', {
        programme: item.programme,
        number: item.number ?? '',
        event: cmamLabels.event(t, item.event),
      })}
      {outcome ? ` — ${outcome}` : ''}
    </Typography>
  );
}
