// CMAM follow-up rules: weight gain, referral alerts, defaulter and non-responder status, routine medicines.
import { daysBetween, fromDayNumber, toDayNumber } from '../dates';
import type { IsoDate } from '../dates';
import { ClinicalInputError, requireInteger, requireInRange, requireOneOf } from '../errors';
import { DAYS_PER_MONTH } from '../growth/indicators';
import { DEFAULT_PROTOCOL } from '../protocols/profiles';
import type { MedicineCode, ProtocolProfile } from '../protocols/profiles';
import { OEDEMA_INPUTS, oedemaRank } from '../types';
import type { OedemaInput } from '../types';
import type { AppetiteTestResult } from './placement';

function weightOf(value: unknown, field: string): number {
  return requireInRange(value, field, 0.5, 60, ' kg');
}

/** Weight gain in g/kg/day between two weighings: (w2 − w1) × 1000 / (w1 × days). */
// WHO 2013 SAM guideline / Sphere 2018: weight gain g/kg/day
export function weightGainGPerKgPerDay(
  fromKg: number,
  toKg: number,
  fromDate: IsoDate,
  toDate: IsoDate,
): number {
  const w1 = weightOf(fromKg, 'fromKg');
  const w2 = weightOf(toKg, 'toKg');
  const days = daysBetween(fromDate, toDate, 'fromDate', 'toDate');
  if (days <= 0)
    throw new ClinicalInputError('toDate', 'date-order', 'the second weighing must be on a later day');
  return ((w2 - w1) * 1000) / (w1 * days);
}

export interface Weighing {
  date: IsoDate;
  weightKg: number;
}

/** Average gain for a cured stay: (exit weight − minimum weight) × 1000 / (minimum weight × days between them);
 *  the minimum is its first occurrence. null when the minimum is the exit weighing itself. */
// Sphere 2018 / CLINICAL.md §2: average weight gain (cured, non-oedematous)
export function stayWeightGain(weighings: readonly Weighing[]): number | null {
  if (weighings.length < 2)
    throw new ClinicalInputError('weighings', 'required', 'at least two weighings are needed');
  const sorted = sortedByDate(weighings, 'weighings');
  const exit = sorted[sorted.length - 1] as Weighing;
  let min = sorted[0] as Weighing;
  for (const w of sorted) if (weightOf(w.weightKg, 'weightKg') < min.weightKg) min = w;
  if (min === exit || min.date === exit.date) return null;
  return weightGainGPerKgPerDay(min.weightKg, exit.weightKg, min.date, exit.date);
}

function sortedByDate<T extends { date: IsoDate }>(items: readonly T[], field: string): T[] {
  const days = items.map((v, i) => toDayNumber(v.date, `${field}[${i}].date`));
  for (let i = 1; i < days.length; i++) {
    if ((days[i] as number) <= (days[i - 1] as number)) {
      throw new ClinicalInputError(
        `${field}[${i}].date`,
        'date-order',
        'visits must be in date order, one per day',
      );
    }
  }
  return [...items];
}

export interface FollowUpVisit {
  date: IsoDate;
  weightKg: number | null;
  oedema: OedemaInput | null;
  appetiteTest?: AppetiteTestResult | null;
  /** A medical complication not present at the previous visit. */
  newComplication?: boolean;
}

export type ReferralAlert =
  | 'new-complication'
  | 'appetite-test-failed'
  | 'oedema-appeared'
  | 'oedema-increased'
  | 'weight-loss'
  | 'no-weight-gain';

/**
 * Alerts for the latest visit (visits oldest first): new complication, failed appetite test, oedema appearing or
 * increasing, weight loss on 2 consecutive visits, no weight gain on 3 consecutive visits.
 */
// CLINICAL.md §2 referral alerts (WHO 2013 SAM guideline, failure to respond)
export function referralAlerts(
  visits: readonly FollowUpVisit[],
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): ReferralAlert[] {
  const list = sortedByDate(visits, 'visits');
  const current = list[list.length - 1];
  if (!current) return [];
  const alerts: ReferralAlert[] = [];
  if (current.newComplication) alerts.push('new-complication');
  if (current.appetiteTest === 'fail') alerts.push('appetite-test-failed');
  const previous = list[list.length - 2];
  const grade = (v: FollowUpVisit, field: string): number | null =>
    v.oedema === null ? null : oedemaRank(requireOneOf(v.oedema, field, OEDEMA_INPUTS));
  if (previous) {
    const now = grade(current, `visits[${list.length - 1}].oedema`);
    const before = grade(previous, `visits[${list.length - 2}].oedema`);
    if (now !== null && before !== null && now > before) {
      alerts.push(before === 0 ? 'oedema-appeared' : 'oedema-increased');
    }
  }
  const weights = list.map((v, i) =>
    v.weightKg === null ? null : weightOf(v.weightKg, `visits[${i}].weightKg`),
  );
  // Counts the latest consecutive visits whose weight compares so with the visit before.
  const streak = (cmp: (now: number, before: number) => boolean): number => {
    let n = 0;
    for (let i = weights.length - 1; i > 0; i--) {
      const now = weights[i];
      const before = weights[i - 1];
      if (now === null || now === undefined || before === null || before === undefined || !cmp(now, before))
        break;
      n++;
    }
    return n;
  };
  if (streak((now, before) => now < before) >= profile.cmam.referral.weightLossVisits)
    alerts.push('weight-loss');
  if (streak((now, before) => now <= before) >= profile.cmam.referral.noGainVisits)
    alerts.push('no-weight-gain');
  return alerts;
}

export interface DefaulterStatus {
  /** Scheduled visits passed since the last attendance. */
  missedVisits: number;
  firstMissedDate: IsoDate | null;
  defaulted: boolean;
}

/**
 * Scheduled visits are nextScheduledDate, then every follow-up interval; one is missed once its day has passed
 * with no attendance since lastAttendedDate. Defaulted after N consecutive missed visits.
 */
// CLINICAL.md §2 exits: defaulted — absent N consecutive scheduled visits (setting, default 3)
export function defaulterStatus(
  input: { lastAttendedDate: IsoDate; nextScheduledDate: IsoDate; asOf: IsoDate },
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): DefaulterStatus {
  const last = toDayNumber(input.lastAttendedDate, 'lastAttendedDate');
  const next = toDayNumber(input.nextScheduledDate, 'nextScheduledDate');
  const asOf = toDayNumber(input.asOf, 'asOf');
  if (next <= last)
    throw new ClinicalInputError('nextScheduledDate', 'date-order', 'next visit must follow the last one');
  if (asOf < last) throw new ClinicalInputError('asOf', 'date-order', 'asOf is before the last visit');
  const interval = profile.cmam.followUpIntervalDays;
  const missedVisits = asOf > next ? Math.floor((asOf - 1 - next) / interval) + 1 : 0;
  return {
    missedVisits,
    firstMissedDate: missedVisits > 0 ? fromDayNumber(next) : null,
    defaulted: missedVisits >= profile.cmam.defaulterMissedVisits,
  };
}

/** Not cured after N weeks of treatment. */
// CLINICAL.md §2 exits: non-responder — not cured after N weeks (setting, default 12)
export function nonResponderStatus(
  input: { admissionDate: IsoDate; asOf: IsoDate; cured: boolean },
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): { daysInTreatment: number; weeksInTreatment: number; nonResponder: boolean } {
  const days = daysBetween(input.admissionDate, input.asOf, 'admissionDate', 'asOf');
  if (days < 0) throw new ClinicalInputError('asOf', 'date-order', 'asOf is before admission');
  return {
    daysInTreatment: days,
    weeksInTreatment: Math.floor(days / 7),
    nonResponder: !input.cured && days >= profile.cmam.nonResponderWeeks * 7,
  };
}

/** Routine OTP medicines due at a visit: the rule's week has come (and not passed its last week), the age
 *  condition holds, and it was not given yet. Amoxicillin is for uncomplicated SAM treated in OTP. */
// WHO 2013 SAM guideline; CLINICAL.md §2 routine medicines (setting, protocol-specific)
export function medicinesDue(
  input: { admissionDate: IsoDate; visitDate: IsoDate; ageDays: number; given: readonly MedicineCode[] },
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): MedicineCode[] {
  const days = daysBetween(input.admissionDate, input.visitDate, 'admissionDate', 'visitDate');
  if (days < 0) throw new ClinicalInputError('visitDate', 'date-order', 'visit is before admission');
  const months = requireInteger(input.ageDays, 'ageDays') / DAYS_PER_MONTH;
  const week = Math.floor(days / 7);
  return profile.cmam.medicines
    .filter((r) => r.week <= week && (r.untilWeek === null || week <= r.untilWeek))
    .filter((r) => r.minAgeMonths === null || months >= r.minAgeMonths)
    .filter((r) => !input.given.includes(r.medicine))
    .map((r) => r.medicine);
}
