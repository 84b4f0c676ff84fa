import type { PatientDraft, PatientRecord } from '../../../shared/contract/channels/patients';

/** The registration form as typed (strings and ticks); `toDraft` turns it into the channel's input. */
export const EMPTY_PATIENT = {
  givenName: '',
  familyName: '',
  otherNames: '',
  sex: '',
  /** 'date' = date of birth known; 'age' = age in years/months (stored as an estimated date). */
  birthMode: 'date',
  birthDate: '',
  birthDateEstimated: false,
  ageYears: '',
  ageMonths: '',
  phone: '',
  village: '',
  district: '',
  nationalId: '',
  caregiverName: '',
  caregiverRelationship: '',
  caregiverPhone: '',
  caregiverNoPhone: false,
  allergies: '',
  notes: '',
};
export type PatientFormValues = typeof EMPTY_PATIENT;

const whole = (s: string): number => (s.trim() === '' ? 0 : Number(s.trim()));

export function toDraft(v: PatientFormValues): PatientDraft {
  const birth =
    v.birthMode === 'age'
      ? {
          age: {
            years: v.ageYears.trim() === '' ? Number.NaN : whole(v.ageYears),
            months: whole(v.ageMonths),
          },
        }
      : { birthDate: v.birthDate || undefined, birthDateEstimated: v.birthDateEstimated };
  return {
    givenName: v.givenName,
    familyName: v.familyName,
    otherNames: v.otherNames,
    sex: v.sex as 'male' | 'female',
    ...birth,
    phone: v.phone,
    village: v.village,
    district: v.district,
    nationalId: v.nationalId,
    caregiverName: v.caregiverName,
    caregiverRelationship: v.caregiverRelationship,
    caregiverPhone: v.caregiverPhone,
    caregiverNoPhone: v.caregiverNoPhone,
    allergies: v.allergies,
    notes: v.notes,
  };
}

export function fromRecord(p: PatientRecord): PatientFormValues {
  return {
    ...EMPTY_PATIENT,
    givenName: p.givenName,
    familyName: p.familyName,
    otherNames: p.otherNames,
    sex: p.sex,
    birthMode: 'date',
    birthDate: p.birthDate,
    birthDateEstimated: p.birthDateEstimated,
    phone: p.phone,
    village: p.village,
    district: p.district,
    nationalId: p.nationalId,
    caregiverName: p.caregiverName,
    caregiverRelationship: p.caregiverRelationship,
    caregiverPhone: p.caregiverPhone,
    caregiverNoPhone: p.caregiverNoPhone,
    allergies: p.allergies,
    notes: p.notes,
  };
}

/** The birth date the form stands for (to decide whether caregiver details are needed), or null. */
export function birthDateOf(
  v: PatientFormValues,
  estimate: (age: { years: number; months: number }) => string,
): string | null {
  if (v.birthMode === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(v.birthDate) ? v.birthDate : null;
  const years = Number(v.ageYears);
  if (v.ageYears.trim() === '' || !Number.isInteger(years) || years < 0) return null;
  const months = v.ageMonths.trim() === '' ? 0 : Number(v.ageMonths);
  return Number.isInteger(months) ? estimate({ years, months }) : null;
}

/** What was typed in the search before "Register a new patient" (names are offered to the form). */
export const registerPrefill = { text: '' };

/** Splits typed search words into given and family names when they look like names. */
export function namesFromSearch(text: string): { givenName: string; familyName: string } {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}[\p{L}'’-]*$/u.test(w));
  if (words.length === 0) return { givenName: '', familyName: '' };
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return { givenName: cap(words[0]!), familyName: words.slice(1).map(cap).join(' ') };
}
