// Calendar months as report periods: 'YYYY-MM' → first and last calendar day, both inclusive. Dates are
// compared as 'YYYY-MM-DD' strings (no Date objects), so no time zone can move a record across midnight.
import { daysInMonth } from '../clinical/dates';
import type { IsoDate } from '../clinical/dates';

export interface ReportMonth {
  month: string;
  first: IsoDate;
  last: IsoDate;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReportMonth(text: unknown): text is string {
  return typeof text === 'string' && MONTH_RE.test(text) && Number(text.slice(0, 4)) >= 1900;
}

/** The calendar month [first, last] (WHO/UNICEF CMAM monthly report: calendar month, both days inclusive). */
export function reportMonth(month: string): ReportMonth {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`month must be written YYYY-MM, got "${month}"`);
  const year = Number(m[1]);
  const mm = Number(m[2]);
  const last = String(daysInMonth(year, mm)).padStart(2, '0');
  return { month, first: `${month}-01`, last: `${month}-${last}` };
}

/** The month `offset` months after (negative: before) `month`. */
export function shiftMonth(month: string, offset: number): string {
  const { first } = reportMonth(month);
  const index = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `month`, oldest first (12-month trend charts). */
export function trailingMonths(month: string, count = 12): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(month, i - count + 1));
}

export function inMonth(date: IsoDate | null, m: ReportMonth): boolean {
  return date !== null && date >= m.first && date <= m.last;
}
