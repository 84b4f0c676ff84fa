// A visit's clinical numbers, computed by the core with shared/clinical (never taken from the renderer):
// age, WHO z-scores, nutrition classification; impossible values refused, implausible ones confirmed (WHO Child Growth Standards 2006;
// WHO/UNICEF 2009 joint statement for the SAM/MAM cut-offs).
import {
  ClinicalInputError,
  HARD_LIMITS,
  MAX_AGE_DAYS,
  PLAUSIBLE,
  addMonths,
  classifyNutrition,
  computeAnthropometry,
  daysBetween,
  getProtocolProfile,
  type PlausibilityIndicator,
} from '../../../shared/clinical';
import type { FieldError } from '../../../shared/contract';
import type { visitFields } from '../../../shared/contract/channels/visits';
import { invalid } from '../../../shared/contract/validation';
import type { z } from 'zod';
import type { ProtocolRef } from '../facility/protocol';

export type ParsedVisitFields = z.output<typeof visitFields>;

export interface MeasuredPatient {
  sex: 'male' | 'female';
  birthDate: string;
  birthDateEstimated: boolean;
}

export interface VisitNumbers {
  ageDays: number;
  whz: number | null;
  waz: number | null;
  haz: number | null;
  bmiz: number | null;
  muacz: number | null;
  lengthUsedCm: number | null;
  nutritionStatus: 'SAM' | 'MAM' | 'normal' | null;
  nutritionCriteria: string[];
  anthropometryFlags: string[];
  implausibleConfirmed: string[];
}

/** How far ahead a next appointment may be booked. */
const MAX_APPOINTMENT_MONTHS = 24;

const NAMES: Record<PlausibilityIndicator, { field: string; what: string }> = {
  whz: { field: 'weightKg', what: 'weight-for-length/height' },
  waz: { field: 'weightKg', what: 'weight-for-age' },
  haz: { field: 'lengthCm', what: 'length/height-for-age' },
};

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

/** The engine's refusal in plain words, on the field the person typed. */
function impossible(error: ClinicalInputError): FieldError {
  const limits = HARD_LIMITS[error.field as keyof typeof HARD_LIMITS];
  if (limits && error.code === 'out-of-range') {
    const unit = error.field === 'weightKg' ? 'kg' : error.field === 'lengthCm' ? 'cm' : 'mm';
    const low = error.field === 'weightKg' ? `more than ${limits.min}` : `at least ${limits.min}`;
    return {
      path: error.field,
      message: `is impossible for a child under 5: it must be ${low} and at most ${limits.max} ${unit}`,
    };
  }
  const path = error.field === 'visitDate' || error.field === 'birthDate' ? 'visitDate' : error.field;
  return { path, message: error.message.replace(new RegExp(`^${error.field}\\s*`), '') };
}

/** Checks the visit's dates and computes its numbers; throws VALIDATION naming each field at fault. */
export function assessVisit(
  patient: MeasuredPatient,
  v: ParsedVisitFields,
  today: string,
  profile: ProtocolRef,
): VisitNumbers {
  const fields: FieldError[] = [];
  if (v.visitDate > today) fields.push({ path: 'visitDate', message: 'is in the future' });
  if (v.visitDate < patient.birthDate) {
    fields.push({
      path: 'visitDate',
      message: `is before the patient's date of birth (${patient.birthDate})`,
    });
  }
  if (v.nextAppointment !== null) {
    if (v.nextAppointment <= v.visitDate)
      fields.push({ path: 'nextAppointment', message: 'must be after the visit date' });
    else if (v.nextAppointment > addMonths(v.visitDate, MAX_APPOINTMENT_MONTHS)) {
      fields.push({ path: 'nextAppointment', message: 'is more than 2 years after the visit' });
    }
  }
  if (fields.length > 0) invalid(fields);

  const { numbers, implausible, scores } = computeVisitNumbers(patient, v, today, profile);
  if (implausible.length > 0 && !v.confirmImplausible) {
    const problems: FieldError[] = implausible.map((k) => {
      const [low, high] = PLAUSIBLE[k];
      return {
        path: NAMES[k].field,
        message: `gives a ${NAMES[k].what} z-score of ${signed(scores[k] ?? 0)}, outside ${signed(low)} to ${signed(high)}: re-measure, or confirm the value`,
      };
    });
    problems.push({
      path: 'confirmImplausible',
      message: 'must be ticked to save a value that is implausible',
    });
    invalid(problems);
  }
  return { ...numbers, implausibleConfirmed: v.confirmImplausible ? implausible : [] };
}

/** The measurements a visit's numbers are computed from. */
export type MeasuredFields = Pick<
  ParsedVisitFields,
  'visitDate' | 'weightKg' | 'lengthCm' | 'measured' | 'muacMm' | 'oedema'
>;

/**
 * Age, z-scores and nutrition status of one visit, and the implausible indicators (the caller decides whether
 * they were confirmed). Throws VALIDATION when a value is impossible for a child under 5.
 */
export function computeVisitNumbers(
  patient: MeasuredPatient,
  v: MeasuredFields,
  today: string,
  profile: ProtocolRef,
): {
  numbers: Omit<VisitNumbers, 'implausibleConfirmed'>;
  implausible: PlausibilityIndicator[];
  scores: Record<PlausibilityIndicator, number | null>;
} {
  const ageDays = daysBetween(patient.birthDate, v.visitDate);
  if (ageDays > MAX_AGE_DAYS) {
    // Five and over: no WHO child z-scores or CMAM classification; the contract's human limits apply.
    return {
      implausible: [],
      scores: { whz: null, waz: null, haz: null },
      numbers: {
        ageDays,
        whz: null,
        waz: null,
        haz: null,
        bmiz: null,
        muacz: null,
        lengthUsedCm: v.lengthCm,
        nutritionStatus: null,
        nutritionCriteria: [],
        anthropometryFlags: ['age-60-months-or-more'],
      },
    };
  }

  let a: ReturnType<typeof computeAnthropometry>;
  let c: ReturnType<typeof classifyNutrition>;
  try {
    a = computeAnthropometry({
      sex: patient.sex,
      birthDate: patient.birthDate,
      visitDate: v.visitDate,
      today,
      birthDateEstimated: patient.birthDateEstimated,
      weightKg: v.weightKg,
      lengthCm: v.lengthCm,
      measured: v.measured,
      muacMm: v.muacMm,
      oedema: v.oedema,
    });
    c = classifyNutrition(
      { muacMm: v.muacMm, whz: a.whz, oedema: v.oedema, ageDays },
      getProtocolProfile(profile.id, profile.version),
    );
  } catch (error) {
    if (error instanceof ClinicalInputError) invalid([impossible(error)]);
    throw error;
  }

  return {
    implausible: a.implausible,
    scores: { whz: a.whz, waz: a.waz, haz: a.haz },
    numbers: {
      ageDays,
      whz: a.whz,
      waz: a.waz,
      haz: a.haz,
      bmiz: a.bmiz,
      muacz: a.muacz,
      lengthUsedCm: a.lengthUsedCm,
      nutritionStatus: c.status,
      nutritionCriteria: c.criteria,
      anthropometryFlags: a.flags,
    },
  };
}
