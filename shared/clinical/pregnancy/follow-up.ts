// Where a woman stands between visits, as two dates a list can index: her next contact and the day she goes on
// the missed list if she is not seen before it. Equivalent to ancScheduleState (tested against it).
import { fromDayNumber, toDayNumber } from '../dates';
import type { IsoDate } from '../dates';
import { DEFAULT_PROTOCOL } from '../protocols/profiles';
import type { ProtocolProfile } from '../protocols/profiles';
import type { AncContact } from './schedule';

export interface AncFollowUp {
  /** The contact after the one her last visit counted for (the first contact when she has no visit). */
  nextContact: AncContact | null;
  /** End of that contact's gestational week + the grace days + 1: on the missed list from this day if unseen. */
  missedFrom: IsoDate | null;
}

/**
 * Contact k covers the days after contact k−1's week up to the end of week k; she is due the contact after the
 * one her latest visit falls in, and missed `missedAfterDays` after its week ends.
 */
// WHO 2016 ANC model (8 contacts); missed-list grace from the protocol profile (setting, 14 days)
export function ancFollowUp(
  lmp: IsoDate,
  visitDates: readonly IsoDate[],
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): AncFollowUp {
  const start = toDayNumber(lmp, 'lmp');
  const last = visitDates.reduce((m, d, i) => Math.max(m, toDayNumber(d, `visitDates[${i}]`) - start), -1);
  const weeks = profile.anc.contactWeeks;
  // The contact the last visit counted for is the first whose week has not ended at that visit.
  const counted = last < 0 ? -1 : weeks.findIndex((w) => last <= w * 7 + 6);
  const nextIndex = last < 0 ? 0 : counted < 0 ? weeks.length : counted + 1;
  const week = weeks[nextIndex];
  if (week === undefined) return { nextContact: null, missedFrom: null };
  return {
    nextContact: { number: nextIndex + 1, week, date: fromDayNumber(start + week * 7) },
    missedFrom: fromDayNumber(start + week * 7 + 6 + 1 + profile.anc.missedAfterDays),
  };
}

/**
 * The follow-up when the midwife booked a date at her latest contact. A booked date that differs from the plan's
 * target wins (she told the woman to come that day; the plan's week is only the default the form prefills), and
 * she goes on the missed list when `missedAfterDays` have passed after that day. A booked date equal to the
 * target (or none) leaves the plan's follow-up as it is. The contact's number still comes from the plan.
 */
export function ancFollowUpBooked(
  lmp: IsoDate,
  visitDates: readonly IsoDate[],
  booked: IsoDate | null,
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): AncFollowUp {
  const plan = ancFollowUp(lmp, visitDates, profile);
  if (booked === null || plan.nextContact === null || booked === plan.nextContact.date) return plan;
  return {
    nextContact: { ...plan.nextContact, date: booked },
    missedFrom: fromDayNumber(toDayNumber(booked, 'booked') + 1 + profile.anc.missedAfterDays),
  };
}
