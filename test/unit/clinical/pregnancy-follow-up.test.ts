import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ancFollowUp, ancFollowUpBooked, ancScheduleState } from '../../../shared/clinical';

const LMP = '2026-01-01';

describe('ANC follow-up dates (next contact, missed-from day)', () => {
  it('with no visit: contact 1 at 12 weeks, missed 14 days after week 12 ends (WHO 2016: ≤ 12 weeks)', () => {
    expect(ancFollowUp(LMP, [])).toEqual({
      nextContact: { number: 1, week: 12, date: addDays(LMP, 84) },
      missedFrom: addDays(LMP, 84 + 7 + 14),
    });
  });

  it('a visit at 10w 0d counts for contact 1, so contact 2 (20 weeks) is next', () => {
    const r = ancFollowUp(LMP, [addDays(LMP, 70)]);
    expect(r.nextContact).toEqual({ number: 2, week: 20, date: addDays(LMP, 140) });
    expect(r.missedFrom).toBe(addDays(LMP, 140 + 7 + 14));
  });

  it('a visit on the last day of week 20 still counts for contact 2; the next day counts for contact 3', () => {
    expect(ancFollowUp(LMP, [addDays(LMP, 146)]).nextContact?.number).toBe(3);
    expect(ancFollowUp(LMP, [addDays(LMP, 147)]).nextContact?.number).toBe(4);
  });

  it('after the 40-week contact there is nothing left to miss', () => {
    expect(ancFollowUp(LMP, [addDays(LMP, 282)])).toEqual({ nextContact: null, missedFrom: null });
  });

  it('agrees with ancScheduleState: on the missed list exactly from missedFrom', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 308 }),
        (visitDays, today) => {
          const visits = visitDays.filter((d) => d <= today).map((d) => addDays(LMP, d));
          const on = addDays(LMP, today);
          const state = ancScheduleState({ lmp: LMP, on, visitDates: visits });
          const f = ancFollowUp(LMP, visits);
          expect(state.onMissedList).toBe(f.missedFrom !== null && on >= f.missedFrom);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a booked date other than the target wins; missed 14 days after it; the target or none keeps the plan', () => {
    const visits = [addDays(LMP, 70)];
    expect(ancFollowUpBooked(LMP, visits, addDays(LMP, 77))).toEqual({
      nextContact: { number: 2, week: 20, date: addDays(LMP, 77) },
      missedFrom: addDays(LMP, 77 + 1 + 14),
    });
    expect(ancFollowUpBooked(LMP, visits, addDays(LMP, 140))).toEqual(ancFollowUp(LMP, visits));
    expect(ancFollowUpBooked(LMP, visits, null)).toEqual(ancFollowUp(LMP, visits));
    expect(ancFollowUpBooked(LMP, [addDays(LMP, 282)], addDays(LMP, 290)).nextContact).toBeNull();
  });
});
