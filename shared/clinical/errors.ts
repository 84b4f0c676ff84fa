/** Machine-readable reason for an input the clinical engine refuses; messages are for people, codes for code. */
export type ClinicalErrorCode =
  | 'required' // a value the rule cannot do without is missing
  | 'not-a-number' // NaN, Infinity or text where a number is needed
  | 'not-an-integer'
  | 'invalid-date' // not a real YYYY-MM-DD calendar date
  | 'invalid-value' // not one of the allowed values
  | 'out-of-range' // physically impossible or outside what the rule covers
  | 'future-date'
  | 'before-birth'
  | 'date-order'; // two dates in the wrong order (e.g. exit before admission)

/** Thrown for invalid input: the engine never returns NaN or guesses. */
export class ClinicalInputError extends Error {
  constructor(
    readonly field: string,
    readonly code: ClinicalErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClinicalInputError';
  }
}

/** A finite number, or a typed error naming the field. */
export function requireFinite(value: unknown, field: string): number {
  if (value === null || value === undefined)
    throw new ClinicalInputError(field, 'required', `${field} is required`);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ClinicalInputError(field, 'not-a-number', `${field} must be a number`);
  }
  return value;
}

/** A finite number within [min, max] (inclusive). */
export function requireInRange(value: unknown, field: string, min: number, max: number, unit = ''): number {
  const n = requireFinite(value, field);
  if (n < min || n > max) {
    throw new ClinicalInputError(field, 'out-of-range', `${field} must be between ${min} and ${max}${unit}`);
  }
  return n;
}

/** A whole number ≥ min. */
export function requireInteger(value: unknown, field: string, min = 0): number {
  const n = requireFinite(value, field);
  if (!Number.isInteger(n))
    throw new ClinicalInputError(field, 'not-an-integer', `${field} must be a whole number`);
  if (n < min) throw new ClinicalInputError(field, 'out-of-range', `${field} must be at least ${min}`);
  return n;
}

/** One of the allowed string values. */
export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (value === null || value === undefined)
    throw new ClinicalInputError(field, 'required', `${field} is required`);
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ClinicalInputError(field, 'invalid-value', `${field} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}
