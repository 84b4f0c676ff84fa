// RUTF stock (issue 17 §7): receipts, stock-take adjustments and sachets dispensed at each visit, each a record
// with its outbox and audit rows; the balance and weeks left are computed from the movements, never a counter.
import { localDate, rutfStockOutlook, stockBalance } from '../../../shared/clinical';
import { AppError, type FieldError } from '../../../shared/contract';
import { uuidv7 } from '../../../shared/ids';
import { desc } from 'drizzle-orm';
import type { OpenDatabase } from '../../core/state';
import { rutfStock } from '../../db/schema';
import { firstVersion, stmt, writeFirstVersion, type Actor } from '../../records';
import { readCmamSettings, stockStore, type StockRow } from './cmam.repo';
import { summarizeFieldErrors } from '../../../shared/contract/validation';

/** Sachets given at an admission or follow-up: one movement, in the caller's transaction. */
export function dispense(
  open: OpenDatabase,
  actor: Actor,
  at: string,
  input: { date: string; quantity: number; episodeId: string; followupId: string | null },
): StockRow {
  const row: StockRow = {
    id: uuidv7(Date.parse(at)),
    kind: 'dispensed',
    movementDate: input.date,
    quantity: input.quantity,
    batch: '',
    note: '',
    episodeId: input.episodeId,
    followupId: input.followupId,
    ...firstVersion(actor, at),
  };
  return writeFirstVersion(open, actor, at, stockStore, row, 'rutf.dispense');
}

export function receiveStock(
  open: OpenDatabase,
  actor: Actor,
  input: {
    movementDate: string;
    kind: 'received' | 'adjusted';
    quantity: number;
    batch: string;
    note: string;
  },
  now: Date,
): StockRow {
  const at = now.toISOString();
  const fields: FieldError[] = [];
  if (input.movementDate > localDate(now)) fields.push({ path: 'movementDate', message: 'is in the future' });
  if (input.kind === 'received' && input.quantity < 1)
    fields.push({ path: 'quantity', message: 'must be at least 1 sachet' });
  if (input.kind === 'adjusted' && input.quantity === 0)
    fields.push({ path: 'quantity', message: 'must not be 0 for an adjustment' });
  if (input.kind === 'adjusted' && input.note === '')
    fields.push({ path: 'note', message: 'is required: say why the count differs' });
  if (fields.length > 0)
    throw new AppError('VALIDATION', `Please correct: ${summarizeFieldErrors(fields)}`, fields);
  return open.sqlite.transaction(() => {
    const row: StockRow = {
      id: uuidv7(now.getTime()),
      kind: input.kind,
      movementDate: input.movementDate,
      quantity: input.quantity,
      batch: input.batch,
      note: input.note,
      episodeId: null,
      followupId: null,
      ...firstVersion(actor, at),
    };
    return writeFirstVersion(
      open,
      actor,
      at,
      stockStore,
      row,
      input.kind === 'received' ? 'rutf.receive' : 'rutf.adjust',
    );
  })();
}

/** Sachets per week the children in OTP now need: each one's latest ration. */
export function weeklyNeed(open: OpenDatabase): number {
  const row = stmt(
    open.sqlite,
    `SELECT coalesce(sum(coalesce(
       (SELECT f.ration_per_week FROM cmam_followups f WHERE f.episode_id = e.id AND f.voided = 0
        ORDER BY f.visit_date DESC LIMIT 1), e.ration_per_week, 0)), 0) AS need
     FROM cmam_episodes e
     WHERE e.programme = 'OTP' AND e.exit_date IS NULL AND e.voided = 0 AND e.merged = 0`,
  ).get() as { need: number };
  return row.need;
}

export function stockSummary(open: OpenDatabase, limit: number) {
  const totals = stmt(
    open.sqlite,
    'SELECT kind, coalesce(sum(quantity), 0) AS quantity FROM rutf_stock_movements WHERE voided = 0 GROUP BY kind',
  ).all() as { kind: StockRow['kind']; quantity: number }[];
  const { orderWeeks } = readCmamSettings(open);
  const outlook = rutfStockOutlook({
    balance: stockBalance(totals),
    weeklyNeed: weeklyNeed(open),
    orderWeeks,
  });
  const movements = open.db
    .select()
    .from(rutfStock)
    .orderBy(desc(rutfStock.movementDate), desc(rutfStock.createdAt))
    .limit(limit)
    .all();
  return { ...outlook, orderWeeks, movements };
}
