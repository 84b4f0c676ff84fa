// RUTF stock: balance from movements, weeks of stock left at the caseload's ration, and the next order.
import { ClinicalInputError, requireFinite } from '../errors';

export interface StockMovement {
  kind: 'received' | 'dispensed' | 'adjusted';
  /** Sachets; positive for received/dispensed, signed for an adjustment (count after a stock take). */
  quantity: number;
}

/** Sachets on hand: received − dispensed ± adjustments. */
// UNICEF RUTF supply guidance (stock on hand = receipts − issues ± adjustments)
export function stockBalance(movements: readonly StockMovement[]): number {
  let balance = 0;
  movements.forEach((m, i) => {
    const q = requireFinite(m.quantity, `movements[${i}].quantity`);
    if (m.kind === 'received') balance += q;
    else if (m.kind === 'dispensed') balance -= q;
    else balance += q;
  });
  return balance;
}

export interface StockOutlook {
  balance: number;
  /** Sachets the current caseload needs per week (sum of each child's weekly ration). */
  weeklyNeed: number;
  /** null when nobody is in treatment (no consumption). */
  weeksLeft: number | null;
  /** Fewer than `warnBelowWeeks` weeks left. */
  low: boolean;
  /** Sachets to order so the stock covers `orderWeeks` weeks at the current need (never negative). */
  suggestedOrder: number;
}

/**
 * Weeks left = balance / weekly need; order = need × weeks − balance, rounded up to whole sachets.
 */
// UNICEF RUTF forecasting (caseload × weekly ration × weeks of cover, less stock on hand); warning under 2 weeks
export function rutfStockOutlook(input: {
  balance: number;
  weeklyNeed: number;
  orderWeeks: number;
  warnBelowWeeks?: number;
}): StockOutlook {
  const balance = requireFinite(input.balance, 'balance');
  const weeklyNeed = requireFinite(input.weeklyNeed, 'weeklyNeed');
  const orderWeeks = requireFinite(input.orderWeeks, 'orderWeeks');
  const warn = input.warnBelowWeeks ?? 2;
  if (weeklyNeed < 0) throw new ClinicalInputError('weeklyNeed', 'out-of-range', 'weeklyNeed must be ≥ 0');
  if (orderWeeks < 0) throw new ClinicalInputError('orderWeeks', 'out-of-range', 'orderWeeks must be ≥ 0');
  const weeksLeft = weeklyNeed === 0 ? null : Math.max(0, balance) / weeklyNeed;
  return {
    balance,
    weeklyNeed,
    weeksLeft,
    low: weeksLeft !== null && weeksLeft < warn,
    suggestedOrder: Math.max(0, Math.ceil(weeklyNeed * orderWeeks - Math.max(0, balance))),
  };
}

/** Average length of stay in days of the given (cured) stays; null when there are none. */
// Sphere 2018 management of acute malnutrition standard 2.2: average length of stay (cured)
export function averageLengthOfStay(
  stays: readonly { admissionDays: number; exitDays: number }[],
): number | null {
  if (stays.length === 0) return null;
  let total = 0;
  stays.forEach((s, i) => {
    if (s.exitDays < s.admissionDays)
      throw new ClinicalInputError(`stays[${i}]`, 'date-order', 'exit is before admission');
    total += s.exitDays - s.admissionDays;
  });
  return total / stays.length;
}
