// The points of the pregnancy chart: each measure of the contacts (not voided) against gestational weeks.
import type { AncContactRecord } from '../../../shared/contract/channels/pregnancy';

export const PREGNANCY_MEASURES = ['weight', 'bp', 'hb', 'fundal'] as const;
export type PregnancyMeasure = (typeof PREGNANCY_MEASURES)[number];

export interface Series {
  /** Which line: the measure itself, or for BP its systolic and diastolic lines. */
  line: 'value' | 'systolic' | 'diastolic';
  points: { x: number; y: number }[];
}

const weeks = (gaDays: number) => Math.round((gaDays / 7) * 10) / 10;

/** The lines of one measure, in gestational order; contacts without the value are left out. */
export function pregnancySeries(contacts: readonly AncContactRecord[], measure: PregnancyMeasure): Series[] {
  const live = contacts.filter((c) => !c.voided).sort((a, b) => a.gaDays - b.gaDays);
  const line = (pick: (c: AncContactRecord) => number | null, name: Series['line']): Series => ({
    line: name,
    points: live.flatMap((c) => {
      const y = pick(c);
      return y === null ? [] : [{ x: weeks(c.gaDays), y }];
    }),
  });
  switch (measure) {
    case 'weight':
      return [line((c) => c.weightKg, 'value')];
    case 'hb':
      return [line((c) => c.hbGdl, 'value')];
    case 'fundal':
      return [line((c) => c.fundalHeightCm, 'value')];
    case 'bp':
      // The repeat reading when there is one (the flags read both; the chart shows where she settled).
      return [
        line((c) => (c.bpRepeat ?? c.bpFirst)?.systolic ?? null, 'systolic'),
        line((c) => (c.bpRepeat ?? c.bpFirst)?.diastolic ?? null, 'diastolic'),
      ];
  }
}
