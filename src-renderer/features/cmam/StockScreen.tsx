import { Alert, Box, Paper, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { roleHas } from '../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SimpleTable } from '../../components/SimpleTable';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { dateText, todayText } from '../patients/format';
import { cmamLabels, num } from './labels';

/** RUTF balance, weeks left at the caseload's ration, suggested order, deliveries. */
export function StockScreen() {
  const { t, language } = useI18n();
  const { session } = useSession();
  const q = useQuery('cmam.stock', {});
  const receive = useAction('cmam.stockReceive', { invalidates: ['cmam.stock'] });
  const form = useForm({ movementDate: todayText(), quantity: '', batch: '', note: '' });
  const s = q.data;
  const submit = async () => {
    const input = {
      movementDate: form.values.movementDate,
      quantity: form.values.quantity.trim() === '' ? Number.NaN : Number(form.values.quantity),
      batch: form.values.batch,
      note: form.values.note,
    };
    const problems = validateInput('cmam.stockReceive', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await receive.run(input);
    if (!result.ok) return form.showFailure(result);
    form.set('quantity', '');
    form.set('batch', '');
  };
  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('cmam.stock.title')}
      </Typography>
      <ErrorAlert failure={q.failure} />
      {s ? (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <Typography variant="h3" data-testid="stock-balance">
            {t('cmam.stock.balance', { n: num(language, s.balance, 0) })}
          </Typography>
          <Typography>{t('cmam.stock.need', { n: num(language, s.weeklyNeed, 0) })}</Typography>
          <Typography data-testid="stock-weeks">
            {s.weeksLeft === null
              ? t('cmam.stock.noNeed')
              : t('cmam.stock.weeks', { n: num(language, s.weeksLeft) })}
          </Typography>
          {s.low ? <Alert severity="warning">{t('cmam.stock.low')}</Alert> : null}
          <Typography>
            {t('cmam.stock.order', { weeks: String(s.orderWeeks), n: num(language, s.suggestedOrder, 0) })}
          </Typography>
        </Paper>
      ) : null}
      {session && roleHas(session.role, 'cmam.write') ? (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <Typography variant="h2" gutterBottom>
            {t('cmam.stock.receive')}
          </Typography>
          <Form
            onSubmit={() => void submit()}
            focusRequest={form.focusRequest}
            aria-label={t('cmam.stock.receive')}
          >
            <Stack direction="row" spacing={2}>
              <FormTextField
                form={form}
                name="quantity"
                label={t('cmam.stock.quantity')}
                required
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
              <FormTextField form={form} name="batch" label={t('cmam.stock.batch')} />
              <FormTextField
                form={form}
                name="movementDate"
                label={t('cmam.field.date')}
                type="date"
                required
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </Stack>
            <ErrorAlert failure={receive.failure} shownPaths={['quantity', 'batch', 'movementDate']} />
            <SubmitButton busy={receive.busy}>{t('cmam.stock.save')}</SubmitButton>
          </Form>
        </Paper>
      ) : null}
      {s ? (
        <SimpleTable
          label={t('cmam.stock.title')}
          columns={[t('cmam.field.date'), '', t('cmam.stock.quantity'), t('cmam.stock.batch')]}
        >
          {s.movements.map((m) => (
            <TableRow key={m.id} sx={{ opacity: m.voided ? 0.5 : 1 }}>
              <TableCell>{dateText(language, m.movementDate)}</TableCell>
              <TableCell>{cmamLabels.stockKind(t, m.kind)}</TableCell>
              <TableCell>{m.kind === 'dispensed' ? -m.quantity : m.quantity}</TableCell>
              <TableCell>{m.batch}</TableCell>
            </TableRow>
          ))}
        </SimpleTable>
      ) : null}
    </Box>
  );
}
