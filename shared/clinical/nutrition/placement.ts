// Where a classified child is treated: SC (inpatient), OTP (outpatient SAM) or TSFP (MAM).
import { ClinicalInputError, requireInteger, requireOneOf } from '../errors';
import { DAYS_PER_MONTH } from '../growth/indicators';
import { DEFAULT_PROTOCOL } from '../protocols/profiles';
import type { ProtocolProfile } from '../protocols/profiles';
import { OEDEMA_INPUTS } from '../types';
import type { OedemaInput } from '../types';
import type { NutritionStatus } from './classify';

export type Programme = 'SC' | 'OTP' | 'TSFP';
export type AppetiteTestResult = 'pass' | 'fail';

export interface PlacementInput {
  status: NutritionStatus;
  ageDays: number;
  oedema: OedemaInput;
  medicalComplication: boolean;
  /** Any IMCI general danger sign. */
  dangerSign: boolean;
  /** null = not done yet (it decides SC vs OTP for SAM). */
  appetiteTest: AppetiteTestResult | null;
}

export type PlacementReason =
  | 'medical-complication'
  | 'danger-sign'
  | 'oedema-+++'
  | 'appetite-test-failed'
  | 'under-6-months'
  | 'appetite-test-needed'
  | 'oedema-grade-needed';

export interface Placement {
  /** null when not eligible (normal) or when a missing fact must be collected first (see reasons). */
  programme: Programme | null;
  reasons: PlacementReason[];
  /** A complication or danger sign needs medical care whatever the programme (e.g. MAM with pneumonia). */
  medicalReferral: boolean;
}

/**
 * SC if medical complication or IMCI danger sign, oedema +++, failed appetite test, or age < 6 months;
 * otherwise OTP for SAM and TSFP for MAM.
 */
// WHO 2013 SAM guideline; CLINICAL.md §2
export function placeChild(input: PlacementInput, profile: ProtocolProfile = DEFAULT_PROTOCOL): Placement {
  const status = requireOneOf(input.status, 'status', ['SAM', 'MAM', 'normal'] as const);
  const ageDays = requireInteger(input.ageDays, 'ageDays');
  const oedema = requireOneOf(input.oedema, 'oedema', OEDEMA_INPUTS);
  const appetite =
    input.appetiteTest === null
      ? null
      : requireOneOf(input.appetiteTest, 'appetiteTest', ['pass', 'fail'] as const);
  if (typeof input.medicalComplication !== 'boolean' || typeof input.dangerSign !== 'boolean') {
    throw new ClinicalInputError(
      'medicalComplication',
      'required',
      'complications and danger signs must be answered',
    );
  }
  const medicalReferral = input.medicalComplication || input.dangerSign;
  if (status !== 'SAM' && oedema !== 'none') {
    throw new ClinicalInputError('status', 'invalid-value', 'a child with oedema is SAM');
  }
  if (status === 'normal') return { programme: null, reasons: [], medicalReferral };
  if (status === 'MAM') return { programme: 'TSFP', reasons: [], medicalReferral };

  const reasons: PlacementReason[] = [];
  if (input.medicalComplication) reasons.push('medical-complication');
  if (input.dangerSign) reasons.push('danger-sign');
  if (oedema === '+++') reasons.push('oedema-+++');
  if (appetite === 'fail') reasons.push('appetite-test-failed');
  if (ageDays / DAYS_PER_MONTH < profile.cmam.infantMonths) reasons.push('under-6-months');
  if (reasons.length > 0) return { programme: 'SC', reasons, medicalReferral };
  // Without these facts OTP cannot be decided safely.
  if (oedema === 'present') reasons.push('oedema-grade-needed');
  if (appetite === null) reasons.push('appetite-test-needed');
  return { programme: reasons.length > 0 ? null : 'OTP', reasons, medicalReferral };
}

/** Least amount of RUTF (fraction of a 92 g sachet) the child must eat within 30 minutes to pass. */
// CLINICAL.md §2 appetite test (setting)
export function appetiteTestMinimum(weightKg: number, profile: ProtocolProfile = DEFAULT_PROTOCOL): number {
  const weight = positiveWeight(weightKg);
  let minimum = 0;
  for (const band of profile.cmam.appetiteTest) if (weight >= band.minKg) minimum = band.minSachets;
  return minimum;
}

/** Pass when the child ate at least the minimum for its weight within 30 minutes. */
// CLINICAL.md §2 appetite test (setting)
export function appetiteTest(
  weightKg: number,
  sachetsEaten: number,
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): { result: AppetiteTestResult; minimumSachets: number } {
  const minimumSachets = appetiteTestMinimum(weightKg, profile);
  if (
    typeof sachetsEaten !== 'number' ||
    !Number.isFinite(sachetsEaten) ||
    sachetsEaten < 0 ||
    sachetsEaten > 5
  ) {
    throw new ClinicalInputError('sachetsEaten', 'out-of-range', 'sachets eaten must be between 0 and 5');
  }
  // 1e-9: a quarter typed as 0.25 must pass a 1/4 threshold despite binary fractions.
  return { result: sachetsEaten + 1e-9 >= minimumSachets ? 'pass' : 'fail', minimumSachets };
}

export interface RutfRation {
  sachetsPerDay: number;
  sachetsPerWeek: number;
  /** The weight band used: [minKg, maxKg) with maxKg null for the top band. */
  bandMinKg: number;
  bandMaxKg: number | null;
}

/** RUTF sachets per day and per week for the child's weight. */
// CLINICAL.md §2 RUTF table (setting; 92 g / 500 kcal sachets)
export function rutfRation(weightKg: number, profile: ProtocolProfile = DEFAULT_PROTOCOL): RutfRation {
  const weight = positiveWeight(weightKg);
  const bands = profile.cmam.rutf;
  for (let i = bands.length - 1; i >= 0; i--) {
    const band = bands[i];
    if (band && weight >= band.minKg) {
      const next = bands[i + 1];
      return {
        sachetsPerDay: band.sachetsPerDay,
        sachetsPerWeek: band.sachetsPerWeek,
        bandMinKg: band.minKg,
        bandMaxKg: next ? next.minKg : null,
      };
    }
  }
  const lowest = bands[0]?.minKg ?? 0;
  throw new ClinicalInputError('weightKg', 'out-of-range', `no RUTF ration below ${lowest} kg: treat in SC`);
}

function positiveWeight(weightKg: unknown): number {
  if (typeof weightKg !== 'number' || !Number.isFinite(weightKg)) {
    throw new ClinicalInputError('weightKg', 'not-a-number', 'weightKg must be a number');
  }
  if (weightKg <= 0.5 || weightKg > 60) {
    throw new ClinicalInputError(
      'weightKg',
      'out-of-range',
      'weightKg must be more than 0.5 and at most 60 kg',
    );
  }
  return weightKg;
}
