// The 8-contact ANC schedule, next contact and missed status; postnatal contact dates.
import { fromDayNumber, toDayNumber } from '../dates';
import type { IsoDate } from '../dates';
import { ClinicalInputError } from '../errors';
import { DEFAULT_PROTOCOL } from '../protocols/profiles';
import type { ProtocolProfile } from '../protocols/profiles';
import { gestationalAgeDays } from './dating';

export interface AncContact {
  number: number;
  /** Gestational week of the contact (the first is "at or before" week 12). */
  week: number;
  /** Target date: LMP + week × 7 days. */
  date: IsoDate;
}

/** upcoming: before its week; due: in its week; overdue: week passed, within the grace days; missed: after them. */
export type ContactStatus = 'attended' | 'upcoming' | 'due' | 'overdue' | 'missed';

export interface AncContactState extends AncContact {
  status: ContactStatus;
  /** Last day of the contact's gestational week (a visit up to this day counts for it). */
  windowEnd: IsoDate;
  /** The day she goes on the missed list if still unseen. */
  missedFrom: IsoDate;
}

export interface AncScheduleState {
  contacts: AncContactState[];
  nextContact: AncContact | null;
  /** A contact was missed and she has not been seen since: she belongs on the missed list. */
  onMissedList: boolean;
}

/** Contacts at ≤ 12, 20, 26, 30, 34, 36, 38, 40 weeks, dated from the (dating) LMP. */
// WHO 2016 ANC model: 8 contacts
export function ancContactSchedule(lmp: IsoDate, profile: ProtocolProfile = DEFAULT_PROTOCOL): AncContact[] {
  const start = toDayNumber(lmp, 'lmp');
  return profile.anc.contactWeeks.map((week, i) => ({
    number: i + 1,
    week,
    date: fromDayNumber(start + week * 7),
  }));
}

/**
 * Each visit counts for the first contact whose week has not ended at the visit (contact k covers the days after
 * contact k−1's week up to the end of week k). A contact not attended is missed `missedAfterDays` (setting, 14)
 * after its week has passed. The next contact is the first unattended one whose week has not ended.
 */
// WHO 2016 ANC model; CLINICAL.md §3 missed list (setting: 14 days)
export function ancScheduleState(
  input: { lmp: IsoDate; on: IsoDate; visitDates?: readonly IsoDate[] },
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): AncScheduleState {
  const lmp = toDayNumber(input.lmp, 'lmp');
  const ga = gestationalAgeDays(input.lmp, input.on);
  const visitGas = (input.visitDates ?? []).map((d, i) => {
    const g = toDayNumber(d, `visitDates[${i}]`) - lmp;
    if (g < 0 || g > ga)
      throw new ClinicalInputError(`visitDates[${i}]`, 'out-of-range', 'visit is outside the pregnancy');
    return g;
  });
  const grace = profile.anc.missedAfterDays;
  let windowStart = 0;
  let lastMissedEnd = -1;
  const contacts: AncContactState[] = [];
  for (const c of ancContactSchedule(input.lmp, profile)) {
    const end = c.week * 7 + 6;
    const attended = visitGas.some((g) => g >= windowStart && g <= end);
    let status: ContactStatus;
    if (attended) status = 'attended';
    else if (ga < c.week * 7) status = 'upcoming';
    else if (ga <= end) status = 'due';
    else if (ga < end + 1 + grace) status = 'overdue';
    else status = 'missed';
    if (status === 'missed') lastMissedEnd = end;
    contacts.push({
      ...c,
      status,
      windowEnd: fromDayNumber(lmp + end),
      missedFrom: fromDayNumber(lmp + end + 1 + grace),
    });
    windowStart = end + 1;
  }
  const next = contacts.find((c) => c.status === 'upcoming' || c.status === 'due');
  const seenSince = visitGas.some((g) => g > lastMissedEnd);
  return {
    contacts,
    nextContact: next ? { number: next.number, week: next.week, date: next.date } : null,
    onMissedList: lastMissedEnd >= 0 && !seenSince,
  };
}

export interface PostnatalContact {
  number: number;
  label: 'within 24 hours' | 'day 3' | 'days 7-14' | '6 weeks';
  from: IsoDate;
  to: IsoDate;
}

/** Within 24 h (birth day or next), day 3 (48–72 h), days 7–14, and 6 weeks after birth. */
// WHO 2013 postnatal care recommendations; CLINICAL.md §3
export function postnatalContacts(birthDate: IsoDate): PostnatalContact[] {
  const b = toDayNumber(birthDate, 'birthDate');
  const at = (d: number): IsoDate => fromDayNumber(b + d);
  return [
    { number: 1, label: 'within 24 hours', from: at(0), to: at(1) },
    { number: 2, label: 'day 3', from: at(2), to: at(3) },
    { number: 3, label: 'days 7-14', from: at(7), to: at(14) },
    { number: 4, label: '6 weeks', from: at(42), to: at(42) },
  ];
}
