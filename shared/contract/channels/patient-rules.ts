// Patient rules both the registration form and the core apply (the core decides; the form shows them early).
import { addMonths, ageInYears, daysBetween, isValidIsoDate } from '../../clinical';

/** Oldest birth date accepted: older is a typing error. */
export const MAX_AGE_YEARS = 130;
/** Caregiver details are required under this age (issue 5 §1). */
export const CAREGIVER_REQUIRED_UNDER_YEARS = 5;

export interface AgeParts {
  years: number;
  /** Months beyond the whole years (0–11). */
  months: number;
  /** Days beyond the whole months. */
  days: number;
}

/** Completed years, months and days from a birth date to `on` (both 'YYYY-MM-DD'); zeros before birth. */
export function ageParts(birthDate: string, on: string): AgeParts {
  if (!isValidIsoDate(birthDate) || !isValidIsoDate(on) || on < birthDate)
    return { years: 0, months: 0, days: 0 };
  const years = ageInYears(birthDate, on);
  let total = years * 12;
  while (addMonths(birthDate, total + 1) <= on) total++;
  return { years, months: total - years * 12, days: daysBetween(addMonths(birthDate, total), on) };
}

/** The birth date an age in years and months gives today (stored as estimated). */
export function estimatedBirthDate(age: { years: number; months: number }, today: string): string {
  return addMonths(today, -(age.years * 12 + age.months));
}

export function isUnderFive(birthDate: string, today: string): boolean {
  return ageParts(birthDate, today).years < CAREGIVER_REQUIRED_UNDER_YEARS;
}

/** Why a birth date cannot be right, or null. */
export function birthDateProblem(birthDate: string, today: string): string | null {
  if (birthDate > today) return 'is in the future';
  if (addMonths(today, -MAX_AGE_YEARS * 12) > birthDate) return `is more than ${MAX_AGE_YEARS} years ago`;
  return null;
}
