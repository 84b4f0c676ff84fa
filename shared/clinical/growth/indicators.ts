// Per-indicator z-scores of the WHO Child Growth Standards, unrounded; null when the table does not cover the input.
import { ClinicalInputError, requireFinite, requireInteger } from '../errors';
import { zAt } from './lms';
import { lmsTable } from './tables';
import type { Measured, Sex } from '../types';

export type LengthTable = 'wfl' | 'wfh';

/** months = days / 30.4375 (anthro). */
export const DAYS_PER_MONTH = 30.4375;
/** Last age in days below 60 months (1826 / 30.4375 = 59.99): z-scores only for age < 60 months. */
export const MAX_AGE_DAYS = 1826;
/** From this age (24 months) height replaces length and weight-for-height replaces weight-for-length. */
export const HEIGHT_FROM_DAYS = 731;
/** Age unknown and position unknown: below this a child is taken as measured lying. */
export const LENGTH_BELOW_CM = 87;
/** MUAC-for-age starts at 3 months. */
export const MUAC_FROM_DAYS = 91;
/** Range of the weight-for-length and weight-for-height tables (cm). */
export const WFL_RANGE: readonly [number, number] = [45, 110];
export const WFH_RANGE: readonly [number, number] = [65, 120];

function checkSex(sex: unknown): Sex {
  if (sex !== 'male' && sex !== 'female') {
    throw new ClinicalInputError('sex', 'invalid-value', 'sex must be male or female');
  }
  return sex;
}

function positive(value: unknown, field: string): number {
  const n = requireFinite(value, field);
  if (n <= 0) throw new ClinicalInputError(field, 'out-of-range', `${field} must be greater than 0`);
  return n;
}

/** Removes binary-fraction noise from an adjusted length (80.0 + 0.7 = 80.7, not 80.69999…). */
function clean(cm: number): number {
  return Math.round(cm * 1e6) / 1e6;
}

/** Length/height used by the standards: +0.7 cm if measured standing before 731 days, −0.7 if lying from 731. */
// WHO Child Growth Standards 2006 / anthro: 0.7 cm lying/standing adjustment
export function adjustLength(lengthCm: number, measured: Measured | null, ageDays: number | null): number {
  if (ageDays === null || measured === null) return lengthCm;
  if (ageDays < HEIGHT_FROM_DAYS && measured === 'standing') return clean(lengthCm + 0.7);
  if (ageDays >= HEIGHT_FROM_DAYS && measured === 'lying') return clean(lengthCm - 0.7);
  return lengthCm;
}

/** Weight-for-length below 731 days, weight-for-height from 731; age unknown: by position, else length < 87 cm. */
// WHO Child Growth Standards 2006 / anthro: table choice by age
export function lengthTableFor(
  ageDays: number | null,
  measured: Measured | null,
  lengthCm: number,
): LengthTable {
  if (ageDays !== null) return ageDays < HEIGHT_FROM_DAYS ? 'wfl' : 'wfh';
  if (measured !== null) return measured === 'lying' ? 'wfl' : 'wfh';
  return lengthCm < LENGTH_BELOW_CM ? 'wfl' : 'wfh';
}

function byAge(
  indicator: 'wfa' | 'lhfa' | 'bmi' | 'acfa',
  sex: Sex,
  ageDays: number,
  y: number,
): number | null {
  const table = lmsTable(indicator, sex);
  if (ageDays < table.start || ageDays > Math.min(table.end, MAX_AGE_DAYS)) return null;
  const z = zAt(table, ageDays, y, indicator !== 'lhfa');
  return Number.isFinite(z) ? z : null;
}

/** Weight-for-age z (restricted beyond ±3 SD); null outside 0–1826 days. */
// WHO Child Growth Standards 2006: weight-for-age
export function weightForAgeZ(sex: Sex, ageDays: number, weightKg: number): number | null {
  return byAge('wfa', checkSex(sex), requireInteger(ageDays, 'ageDays'), positive(weightKg, 'weightKg'));
}

/** Length/height-for-age z (not restricted); the length must already be adjusted (adjustLength). */
// WHO Child Growth Standards 2006: length/height-for-age, no ±3 SD adjustment
export function lengthForAgeZ(sex: Sex, ageDays: number, lengthUsedCm: number): number | null {
  return byAge('lhfa', checkSex(sex), requireInteger(ageDays, 'ageDays'), positive(lengthUsedCm, 'lengthCm'));
}

/** BMI-for-age z (restricted beyond ±3 SD). */
// WHO Child Growth Standards 2006: BMI-for-age
export function bmiForAgeZ(sex: Sex, ageDays: number, bmi: number): number | null {
  return byAge('bmi', checkSex(sex), requireInteger(ageDays, 'ageDays'), positive(bmi, 'bmi'));
}

/** MUAC-for-age z (restricted beyond ±3 SD); null before 91 days. MUAC in mm, the table is in cm. */
// WHO Child Growth Standards 2007: arm circumference-for-age
export function muacForAgeZ(sex: Sex, ageDays: number, muacMm: number): number | null {
  return byAge('acfa', checkSex(sex), requireInteger(ageDays, 'ageDays'), positive(muacMm, 'muacMm') / 10);
}

/** Weight-for-length/height z (restricted beyond ±3 SD); null outside 45–110 cm (wfl) or 65–120 cm (wfh). */
// WHO Child Growth Standards 2006: weight-for-length / weight-for-height
export function weightForLengthZ(
  sex: Sex,
  table: LengthTable,
  lengthUsedCm: number,
  weightKg: number,
): number | null {
  const t = lmsTable(table === 'wfl' ? 'wfl' : 'wfh', checkSex(sex));
  const z = zAt(t, positive(lengthUsedCm, 'lengthCm'), positive(weightKg, 'weightKg'), true);
  return Number.isFinite(z) ? z : null;
}

/** BMI = weight / (length in m)². */
export function bodyMassIndex(weightKg: number, lengthCm: number): number {
  const metres = positive(lengthCm, 'lengthCm') / 100;
  return positive(weightKg, 'weightKg') / (metres * metres);
}
