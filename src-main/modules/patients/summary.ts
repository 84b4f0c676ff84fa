import type { PatientSummary } from '../../../shared/contract/channels/patients';
import { ageParts } from '../../../shared/contract/channels/patient-rules';

/** The columns a patient summary (search result, duplicate candidate) is made of. */
export interface SummaryRow {
  id: string;
  registration_number: string;
  given_name: string;
  family_name: string;
  other_names: string;
  sex: 'male' | 'female';
  birth_date: string;
  birth_date_estimated: number;
  village: string;
  phone: string;
  caregiver_name: string;
  caregiver_phone: string;
}

export function toSummary(row: SummaryRow, today: string): PatientSummary {
  return {
    id: row.id,
    registrationNumber: row.registration_number,
    givenName: row.given_name,
    familyName: row.family_name,
    otherNames: row.other_names,
    sex: row.sex,
    birthDate: row.birth_date,
    birthDateEstimated: row.birth_date_estimated === 1,
    age: ageParts(row.birth_date, today),
    village: row.village,
    phone: row.phone,
    caregiverName: row.caregiver_name,
    caregiverPhone: row.caregiver_phone,
    // Programmes arrive with their own issue; the list is typed now so the UI is ready.
    programmes: [],
  };
}
