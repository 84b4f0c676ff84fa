// Calendar dates ('YYYY-MM-DD') as whole day numbers since 1970-01-01. Pure integer arithmetic: no Date objects,
// no time zones, so a date can never shift by a day between machines (CLINICAL.md §6).
import { ClinicalInputError } from './errors';

/** A calendar date written 'YYYY-MM-DD'. */
export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Dates outside this window are typing errors in a clinic, not real events. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's days_from_civil). */
function civilToDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysToCivil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function isValidIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== 'string') return false;
  const match = DATE_RE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return (
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Day number of a real calendar date, or a typed error naming the field. */
export function toDayNumber(date: unknown, field = 'date'): number {
  if (date === null || date === undefined || date === '') {
    throw new ClinicalInputError(field, 'required', `${field} is required`);
  }
  if (!isValidIsoDate(date)) {
    throw new ClinicalInputError(field, 'invalid-date', `${field} must be a real date written YYYY-MM-DD`);
  }
  const match = DATE_RE.exec(date) as RegExpExecArray;
  return civilToDays(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function fromDayNumber(days: number): IsoDate {
  const [year, month, day] = daysToCivil(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number, field = 'date'): IsoDate {
  if (!Number.isInteger(days)) throw new ClinicalInputError('days', 'not-an-integer', 'days must be whole');
  return fromDayNumber(toDayNumber(date, field) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate, fromField = 'from', toField = 'to'): number {
  return toDayNumber(to, toField) - toDayNumber(from, fromField);
}

/** Same day of the month `months` later; clamped to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(date: IsoDate, months: number, field = 'date'): IsoDate {
  toDayNumber(date, field);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return fromDayNumber(civilToDays(year, month, Math.min(d, daysInMonth(year, month))));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a, 'a') - toDayNumber(b, 'b');
}

/** Completed years of age on `on` (a birthday on 29 February counts on 28 February in other years). */
export function ageInYears(birthDate: IsoDate, on: IsoDate): number {
  const birth = toDayNumber(birthDate, 'birthDate');
  const onDay = toDayNumber(on, 'on');
  if (onDay < birth) throw new ClinicalInputError('on', 'before-birth', 'date is before the birth date');
  const [by, bm, bd] = daysToCivil(birth);
  const [oy, om, od] = daysToCivil(onDay);
  const hadBirthday = om > bm || (om === bm && od >= Math.min(bd, daysInMonth(oy, bm)));
  return oy - by - (hadBirthday ? 0 : 1);
}

/** The local calendar date of an instant (the clinic's wall calendar), e.g. for "today". */
export function localDate(instant: Date): IsoDate {
  return fromDayNumber(civilToDays(instant.getFullYear(), instant.getMonth() + 1, instant.getDate()));
}
