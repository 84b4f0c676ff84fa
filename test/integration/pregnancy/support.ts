import { addDays } from '../../../shared/clinical';
import type { PatientDraft } from '../../../shared/contract/channels/patients';
import type { PregnancyDraft } from '../../../shared/contract/channels/pregnancy';
import { counts as patientCounts, type Clinic } from '../patients/support';

export { clinic, type Clinic } from '../patients/support';

/** A woman of 27 on the clinic's start date (2026-03-10). */
export function woman(overrides: Partial<PatientDraft> = {}): PatientDraft {
  return {
    givenName: 'Mariama',
    familyName: 'Camara',
    sex: 'female',
    birthDate: '1998-04-02',
    phone: '+224 622 33 44 55',
    village: 'Heremakono',
    ...overrides,
  };
}

/** The clinic's first day (its clock starts at 09:00 UTC). */
export const START = '2026-03-10';
export const DAY = 86_400_000;

/** A pregnancy draft dated by an LMP `daysAgo` days before `on`. */
export function byLmp(
  patientId: string,
  on: string,
  daysAgo: number,
  extra: Partial<PregnancyDraft> = {},
): PregnancyDraft {
  return { patientId, lmp: addDays(on, -daysAgo), gravida: 2, para: 1, ...extra };
}

/** Every table a pregnancy write touches, for "nothing written" checks. */
export function counts(c: Clinic): Record<string, number> {
  const out = patientCounts(c);
  for (const t of ['pregnancies', 'anc_contacts', 'pregnancy_births', 'postnatal_contacts', 'audit_log']) {
    out[t] = (c.sqlite().prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}
