// One visit's anthropometry → all WHO z-scores, exactly as WHO's anthro package computes them (CLINICAL.md §1).
import { ClinicalInputError, requireFinite, requireInteger, requireOneOf } from '../errors';
import { toDayNumber } from '../dates';
import type { IsoDate } from '../dates';
import { OEDEMA_INPUTS } from '../types';
import type { Measured, OedemaInput, Sex } from '../types';
import { round2, zAt } from './lms';
import { lmsTable } from './tables';
import {
  DAYS_PER_MONTH,
  MAX_AGE_DAYS,
  MUAC_FROM_DAYS,
  WFH_RANGE,
  WFL_RANGE,
  adjustLength,
  lengthTableFor,
} from './indicators';
import type { LengthTable } from './indicators';

export interface AnthropometryInput {
  sex: Sex;
  /** Age in whole days; or give birthDate and visitDate. */
  ageDays?: number | null;
  birthDate?: IsoDate | null;
  visitDate?: IsoDate | null;
  /** The clinic's today: when given, dates after it are refused. */
  today?: IsoDate | null;
  birthDateEstimated?: boolean;
  weightKg?: number | null;
  lengthCm?: number | null;
  /** Position of the length/height measurement; null = unknown (no 0.7 cm adjustment, as anthro). */
  measured?: Measured | null;
  muacMm?: number | null;
  oedema?: OedemaInput | null;
}

/** Why a score is missing or needs a look; stable codes for code and tests (the UI translates them). */
export type AnthropometryFlag =
  | 'age-unknown'
  | 'age-60-months-or-more'
  | 'birth-date-estimated'
  | 'weight-missing'
  | 'length-missing'
  | 'muac-missing'
  | 'position-unknown'
  | 'standing-converted-to-length'
  | 'lying-converted-to-height'
  | 'standing-under-9-months'
  | 'oedema-no-weight-z'
  | 'length-outside-wfl-range'
  | 'height-outside-wfh-range'
  | 'muac-under-91-days'
  | 'whz-implausible'
  | 'waz-implausible'
  | 'haz-implausible';

export type PlausibilityIndicator = 'whz' | 'waz' | 'haz';

export interface Anthropometry {
  ageDays: number | null;
  /** days / 30.4375, 2 decimals. */
  ageMonths: number | null;
  /** z-scores rounded to 2 decimals; null when not computable (the reason is in flags). */
  whz: number | null;
  waz: number | null;
  haz: number | null;
  bmiz: number | null;
  muacz: number | null;
  /** Length after the 0.7 cm lying/standing adjustment (what the tables were read with). */
  lengthUsedCm: number | null;
  /** BMI from the adjusted length, 2 decimals. */
  bmi: number | null;
  table: LengthTable | null;
  flags: AnthropometryFlag[];
  /** Scores outside the plausibility limits: ask to re-measure, do not store silently. */
  implausible: PlausibilityIndicator[];
}

/** Hard limits for an under-five: values outside them are measurement or typing errors. */
// CLINICAL.md §1: impossible values rejected outright
export const HARD_LIMITS = {
  weightKg: { min: 0.5, max: 60 },
  lengthCm: { min: 38, max: 130 },
  muacMm: { min: 60, max: 250 },
} as const;

/** Plausibility limits per indicator: [low, high]. */
// WHO anthro / CLINICAL.md §1: implausible z-score flags
export const PLAUSIBLE: Record<PlausibilityIndicator, readonly [number, number]> = {
  whz: [-5, 5],
  waz: [-6, 5],
  haz: [-6, 6],
};

function resolveAge(input: AnthropometryInput): number | null {
  const today = input.today ? toDayNumber(input.today, 'today') : null;
  let fromDates: number | null = null;
  if (input.birthDate || input.visitDate) {
    const birth = toDayNumber(input.birthDate, 'birthDate');
    const visit = toDayNumber(input.visitDate, 'visitDate');
    if (today !== null && birth > today)
      throw new ClinicalInputError('birthDate', 'future-date', 'birth date is in the future');
    if (today !== null && visit > today)
      throw new ClinicalInputError('visitDate', 'future-date', 'visit date is in the future');
    if (visit < birth)
      throw new ClinicalInputError('visitDate', 'before-birth', 'visit date is before the birth date');
    fromDates = visit - birth;
  }
  if (input.ageDays === null || input.ageDays === undefined) return fromDates;
  if (typeof input.ageDays === 'number' && input.ageDays < 0) {
    throw new ClinicalInputError('ageDays', 'before-birth', 'age cannot be negative');
  }
  const ageDays = requireInteger(input.ageDays, 'ageDays');
  if (fromDates !== null && fromDates !== ageDays) {
    throw new ClinicalInputError(
      'ageDays',
      'invalid-value',
      'age in days does not match the birth and visit dates',
    );
  }
  return ageDays;
}

function optionalLimit(
  value: number | null | undefined,
  field: keyof typeof HARD_LIMITS,
  unit: string,
): number | null {
  if (value === null || value === undefined) return null;
  const n = requireFinite(value, field);
  const { min, max } = HARD_LIMITS[field];
  // "weight ≤ 0.5 kg" is impossible, so the lower weight bound is exclusive; the others are inclusive.
  if (field === 'weightKg' ? n <= min || n > max : n < min || n > max) {
    const low = field === 'weightKg' ? `more than ${min}` : `at least ${min}`;
    throw new ClinicalInputError(field, 'out-of-range', `${field} must be ${low} and at most ${max}${unit}`);
  }
  return n;
}

/**
 * All z-scores for one measurement. Throws ClinicalInputError for impossible input; returns null scores with a
 * reason in `flags` for what the standards do not cover. No NaN ever leaves this function.
 */
// WHO Child Growth Standards 2006 as implemented by WHO anthro (R), CLINICAL.md §1
export function computeAnthropometry(input: AnthropometryInput): Anthropometry {
  const sex = requireOneOf(input.sex, 'sex', ['male', 'female'] as const);
  const ageDays = resolveAge(input);
  const weight = optionalLimit(input.weightKg, 'weightKg', ' kg');
  const length = optionalLimit(input.lengthCm, 'lengthCm', ' cm');
  const muac = optionalLimit(input.muacMm, 'muacMm', ' mm');
  const measured =
    input.measured === null || input.measured === undefined
      ? null
      : requireOneOf(input.measured, 'measured', ['lying', 'standing'] as const);
  const oedema =
    input.oedema === null || input.oedema === undefined
      ? 'none'
      : requireOneOf(input.oedema, 'oedema', OEDEMA_INPUTS);
  const hasOedema = oedema !== 'none';

  const flags: AnthropometryFlag[] = [];
  if (input.birthDateEstimated) flags.push('birth-date-estimated');
  if (ageDays === null) flags.push('age-unknown');
  const tooOld = ageDays !== null && ageDays > MAX_AGE_DAYS;
  if (tooOld) flags.push('age-60-months-or-more');
  const ageOk = ageDays !== null && !tooOld;
  if (weight === null) flags.push('weight-missing');
  if (length === null) flags.push('length-missing');
  if (muac === null) flags.push('muac-missing');
  if (length !== null && measured === null) flags.push('position-unknown');

  let lengthUsed: number | null = null;
  let table: LengthTable | null = null;
  if (length !== null) {
    lengthUsed = adjustLength(length, measured, ageDays);
    if (lengthUsed > length) flags.push('standing-converted-to-length');
    if (lengthUsed < length) flags.push('lying-converted-to-height');
    // anthro ≥ 1.0 questions a standing measure before 9 months; the figures still use it (+0.7), like igrowup.
    if (measured === 'standing' && ageDays !== null && ageDays / DAYS_PER_MONTH < 9)
      flags.push('standing-under-9-months');
    if (!tooOld) table = lengthTableFor(ageDays, measured, lengthUsed);
  }
  if (hasOedema && weight !== null) flags.push('oedema-no-weight-z');

  let whz: number | null = null;
  let waz: number | null = null;
  let haz: number | null = null;
  let bmiz: number | null = null;
  let muacz: number | null = null;
  let bmi: number | null = null;
  if (lengthUsed !== null && weight !== null) bmi = weight / ((lengthUsed / 100) * (lengthUsed / 100));

  if (ageOk && lengthUsed !== null) haz = finite(zAt(lmsTable('lhfa', sex), ageDays, lengthUsed, false));
  if (!hasOedema && weight !== null) {
    if (ageOk) waz = finite(zAt(lmsTable('wfa', sex), ageDays, weight, true));
    if (ageOk && bmi !== null) bmiz = finite(zAt(lmsTable('bmi', sex), ageDays, bmi, true));
    if (table !== null && lengthUsed !== null) {
      const [lo, hi] = table === 'wfl' ? WFL_RANGE : WFH_RANGE;
      if (lengthUsed >= lo && lengthUsed <= hi)
        whz = finite(zAt(lmsTable(table, sex), lengthUsed, weight, true));
    }
  }
  if (table !== null && lengthUsed !== null && weight !== null && !hasOedema && whz === null) {
    flags.push(table === 'wfl' ? 'length-outside-wfl-range' : 'height-outside-wfh-range');
  }
  if (ageOk && muac !== null) {
    if (ageDays < MUAC_FROM_DAYS) flags.push('muac-under-91-days');
    else muacz = finite(zAt(lmsTable('acfa', sex), ageDays, muac / 10, true));
  }

  const implausible: PlausibilityIndicator[] = [];
  const scores: Record<PlausibilityIndicator, number | null> = { whz, waz, haz };
  for (const key of ['whz', 'waz', 'haz'] as const) {
    const z = scores[key];
    if (z !== null && (z < PLAUSIBLE[key][0] || z > PLAUSIBLE[key][1])) {
      implausible.push(key);
      flags.push(`${key}-implausible`);
    }
  }
  return {
    ageDays,
    ageMonths: ageDays === null ? null : round2(ageDays / DAYS_PER_MONTH),
    whz,
    waz,
    haz,
    bmiz,
    muacz,
    lengthUsedCm: lengthUsed,
    bmi: bmi === null ? null : round2(bmi),
    table,
    flags,
    implausible,
  };
}

/** Rounds a computed score to 2 decimals; anything non-finite becomes null (never NaN out). */
function finite(z: number): number | null {
  return Number.isFinite(z) ? round2(z) : null;
}
