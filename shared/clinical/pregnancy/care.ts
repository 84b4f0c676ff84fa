// Birth-planning risk factors, danger signs, IPTp-SP and Td eligibility.
import { addDays, addMonths, fromDayNumber, toDayNumber } from '../dates';
import type { IsoDate } from '../dates';
import { ClinicalInputError, requireInteger, requireOneOf } from '../errors';
import { DEFAULT_PROTOCOL } from '../protocols/profiles';
import type { ProtocolProfile } from '../protocols/profiles';

export interface RiskInput {
  ageYears: number;
  /** Pregnancies including this one. */
  gravida: number;
  /** Previous births (≥ 28 weeks). */
  parity: number;
  previousCaesarean?: boolean;
  multiplePregnancy?: boolean;
  abnormalPresentation?: boolean;
  hivPositive?: boolean;
  previousConvulsions?: boolean;
  previousHeavyBleeding?: boolean;
  previousInstrumentalDelivery?: boolean;
  previousSevereTear?: boolean;
  currentVaginalBleeding?: boolean;
}

export type RiskFactor =
  | 'young-age'
  | 'older-age'
  | 'first-pregnancy'
  | 'grand-multiparity'
  | 'previous-caesarean'
  | 'multiple-pregnancy'
  | 'abnormal-presentation'
  | 'hiv-positive'
  | 'previous-convulsions'
  | 'previous-heavy-bleeding'
  | 'previous-instrumental-delivery'
  | 'previous-severe-tear'
  | 'current-vaginal-bleeding';

const BOOLEAN_RISKS: readonly [keyof RiskInput, RiskFactor][] = [
  ['previousCaesarean', 'previous-caesarean'],
  ['multiplePregnancy', 'multiple-pregnancy'],
  ['abnormalPresentation', 'abnormal-presentation'],
  ['hivPositive', 'hiv-positive'],
  ['previousConvulsions', 'previous-convulsions'],
  ['previousHeavyBleeding', 'previous-heavy-bleeding'],
  ['previousInstrumentalDelivery', 'previous-instrumental-delivery'],
  ['previousSevereTear', 'previous-severe-tear'],
  ['currentVaginalBleeding', 'current-vaginal-bleeding'],
];

/** Risk factors for birth planning: age ≤ 17 (setting: also ≥ 35), first pregnancy, parity ≥ 5, and history. */
// WHO 2016 ANC model / CLINICAL.md §3 risk factors
export function riskFactors(input: RiskInput, profile: ProtocolProfile = DEFAULT_PROTOCOL): RiskFactor[] {
  const age = requireInteger(input.ageYears, 'ageYears', 8);
  const gravida = requireInteger(input.gravida, 'gravida', 1);
  const parity = requireInteger(input.parity, 'parity', 0);
  if (parity >= gravida)
    throw new ClinicalInputError('parity', 'invalid-value', 'parity must be less than gravida');
  const a = profile.anc;
  const out: RiskFactor[] = [];
  if (age <= a.riskAgeAtMost) out.push('young-age');
  if (a.riskAgeAtLeast !== null && age >= a.riskAgeAtLeast) out.push('older-age');
  if (gravida === 1) out.push('first-pregnancy');
  if (parity >= a.riskParityAtLeast) out.push('grand-multiparity');
  for (const [key, code] of BOOLEAN_RISKS) if (input[key] === true) out.push(code);
  return out;
}

export type DangerSign =
  | 'vaginal-bleeding'
  | 'convulsions'
  | 'severe-headache-blurred-vision'
  | 'fever'
  | 'severe-abdominal-pain'
  | 'labour'
  | 'looks-very-ill'
  | 'unconscious'
  | 'central-cyanosis'
  | 'severe-vomiting';
export const DANGER_SIGNS: readonly DangerSign[] = [
  'vaginal-bleeding',
  'convulsions',
  'severe-headache-blurred-vision',
  'fever',
  'severe-abdominal-pain',
  'labour',
  'looks-very-ill',
  'unconscious',
  'central-cyanosis',
  'severe-vomiting',
];

/** Any danger sign means urgent referral. */
// WHO 2016 ANC model / WHO SMART ANC danger signs; CLINICAL.md §3
export function dangerSignReferral(signs: readonly string[]): {
  urgentReferral: boolean;
  signs: DangerSign[];
} {
  const valid = signs.map((s, i) => requireOneOf(s, `signs[${i}]`, DANGER_SIGNS));
  return { urgentReferral: valid.length > 0, signs: [...new Set(valid)] };
}

export interface DoseEligibility {
  eligible: boolean;
  /** Number of the dose that would be given next. */
  nextDose: number;
  /** Earliest date the next dose may be given; null when none is needed or it cannot be given. */
  earliestDate: IsoDate | null;
  reason: 'too-early-in-pregnancy' | 'too-soon-after-last-dose' | 'on-cotrimoxazole' | 'complete' | null;
}

function doseDays(dates: readonly IsoDate[], field: string, on: number): number[] {
  const days = dates.map((d, i) => toDayNumber(d, `${field}[${i}]`)).sort((x, y) => x - y);
  if (days.some((d) => d > on))
    throw new ClinicalInputError(field, 'future-date', 'a dose is dated after the visit');
  return days;
}

/** IPTp-SP from 13 weeks, doses ≥ 1 month apart, at least 3 doses; not with cotrimoxazole prophylaxis. */
// WHO 2012 IPTp-SP policy / WHO 2016 ANC model; CLINICAL.md §3
export function iptpEligibility(
  input: { lmp: IsoDate; on: IsoDate; previousDoses: readonly IsoDate[]; onCotrimoxazole?: boolean },
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): DoseEligibility & { targetMet: boolean } {
  const on = toDayNumber(input.on, 'on');
  const lmp = toDayNumber(input.lmp, 'lmp');
  const doses = doseDays(input.previousDoses, 'previousDoses', on);
  const nextDose = doses.length + 1;
  const targetMet = doses.length >= profile.anc.iptpTargetDoses;
  if (input.onCotrimoxazole) {
    return { eligible: false, nextDose, earliestDate: null, reason: 'on-cotrimoxazole', targetMet };
  }
  const fromGa = lmp + profile.anc.iptpFromWeeks * 7;
  const last = doses[doses.length - 1];
  const fromLast =
    last === undefined
      ? -Infinity
      : toDayNumber(addMonths(fromDayNumber(last), profile.anc.iptpMinIntervalMonths));
  const earliest = Math.max(fromGa, fromLast);
  const reason = on < fromGa ? 'too-early-in-pregnancy' : on < fromLast ? 'too-soon-after-last-dose' : null;
  return { eligible: reason === null, nextDose, earliestDate: fromDayNumber(earliest), reason, targetMet };
}

/** Minimum interval before Td dose n (index n−2): 4 weeks, 6 months, 1 year, 1 year. */
const TD_INTERVALS: readonly ((d: IsoDate) => IsoDate)[] = [
  (d) => addDays(d, 28),
  (d) => addMonths(d, 6),
  (d) => addMonths(d, 12),
  (d) => addMonths(d, 12),
];

/** Td for a woman with `previousDoses` in her life: 5 doses, the 2nd ≥ 4 weeks after the 1st, then 6 months,
 *  1 year, 1 year. After 5 doses none is needed. */
// WHO tetanus vaccines position paper 2017 / WHO 2016 ANC model
export function tdEligibility(input: { on: IsoDate; previousDoses: readonly IsoDate[] }): DoseEligibility {
  const on = toDayNumber(input.on, 'on');
  const doses = doseDays(input.previousDoses, 'previousDoses', on);
  const nextDose = doses.length + 1;
  if (doses.length >= 5) return { eligible: false, nextDose, earliestDate: null, reason: 'complete' };
  const last = doses[doses.length - 1];
  const interval = TD_INTERVALS[doses.length - 1];
  const earliest = last === undefined || !interval ? on : toDayNumber(interval(fromDayNumber(last)));
  const eligible = on >= earliest;
  return {
    eligible,
    nextDose,
    earliestDate: fromDayNumber(Math.max(earliest, on)),
    reason: eligible ? null : 'too-soon-after-last-dose',
  };
}
