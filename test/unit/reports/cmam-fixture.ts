// A hand-built CMAM register for March 2026 where every tally is known in advance (see cmam.test.ts).
import type { CmamEpisodeFact } from '../../../shared/reports';

export function ep(id: string, over: Partial<CmamEpisodeFact>): CmamEpisodeFact {
  return {
    id,
    patientId: `p-${id}`,
    programme: 'OTP',
    admissionDate: '2026-03-10',
    admissionType: 'new',
    admissionCriteria: ['muac'],
    exitDate: null,
    exitType: null,
    internalMove: false,
    sex: 'male',
    ageMonthsAtAdmission: 12,
    voided: false,
    merged: false,
    oedemaAtAdmission: false,
    minWeightKg: null,
    minWeightDate: null,
    exitWeightKg: null,
    rutf: [],
    ...over,
  };
}

const exit = (exitDate: string, exitType: CmamEpisodeFact['exitType']) => ({ exitDate, exitType });

/** OTP March 2026: A = 7, C = 8, E = 9, F = 6; SC: one internal transfer in. */
export const MARCH: CmamEpisodeFact[] = [
  ep('e01', {
    admissionDate: '2026-02-10',
    ageMonthsAtAdmission: 10,
    rutf: [
      { date: '2026-02-25', sachets: 14 },
      { date: '2026-03-01', sachets: 14 },
    ],
  }),
  ep('e02', {
    admissionDate: '2026-02-15',
    ...exit('2026-03-01', 'cured'),
    sex: 'female',
    ageMonthsAtAdmission: 30,
    minWeightKg: 7.0,
    minWeightDate: '2026-02-15',
    exitWeightKg: 7.7,
  }),
  ep('e03', {
    admissionDate: '2026-03-01',
    admissionCriteria: ['whz'],
    sex: 'female',
    ageMonthsAtAdmission: 8,
    rutf: [{ date: '2026-03-31', sachets: 18 }],
  }),
  // Admitted on the last day, typed in at 20:30 in a UTC−4 clinic (00:30 UTC on 1 April): still March.
  ep('e04', {
    admissionDate: '2026-03-31',
    admissionCriteria: ['oedema'],
    oedemaAtAdmission: true,
    ageMonthsAtAdmission: 40,
    recordedAt: '2026-04-01T00:30:00.000Z',
  }),
  // Admitted and died in the same month; two criteria met.
  ep('e05', {
    admissionDate: '2026-03-05',
    admissionCriteria: ['muac', 'whz'],
    ...exit('2026-03-25', 'died'),
  }),
  ep('e06', {
    admissionDate: '2026-01-10',
    ...exit('2026-02-28', 'cured'),
    rutf: [{ date: '2026-03-02', sachets: 10 }],
  }),
  ep('e07', {
    admissionDate: '2026-02-20',
    ...exit('2026-03-31', 'defaulted'),
    sex: 'female',
    ageMonthsAtAdmission: 50,
  }),
  ep('e08', { admissionDate: '2026-04-01' }),
  ep('e09', { admissionDate: '2026-03-10', admissionType: 'relapse', ageMonthsAtAdmission: 20 }),
  ep('e10', {
    admissionDate: '2026-03-12',
    admissionType: 'readmission',
    sex: 'female',
    ageMonthsAtAdmission: 24,
  }),
  ep('e11', { admissionDate: '2026-03-14', admissionType: 'transfer-in', ageMonthsAtAdmission: 23 }),
  // OTP → SC: an internal move (a medical transfer out of OTP, a transfer in to SC).
  ep('e12', {
    admissionDate: '2026-02-01',
    ...exit('2026-03-08', 'medical-transfer'),
    internalMove: true,
    sex: 'female',
    ageMonthsAtAdmission: 15,
  }),
  ep('e12sc', {
    patientId: 'p-e12',
    programme: 'SC',
    admissionDate: '2026-03-08',
    admissionType: 'transfer-in',
    sex: 'female',
    ageMonthsAtAdmission: 15,
  }),
  ep('e13', { admissionDate: '2026-03-03', voided: true, rutf: [{ date: '2026-03-05', sachets: 14 }] }),
  ep('e14', { admissionDate: '2026-02-03', merged: true }),
  ep('e15', {
    admissionDate: '2026-03-02',
    ...exit('2026-03-16', 'transfer-out'),
    sex: 'female',
    ageMonthsAtAdmission: 6,
  }),
  ep('e16', {
    admissionDate: '2025-12-01',
    ...exit('2026-03-02', 'non-responder'),
    ageMonthsAtAdmission: 59,
  }),
  ep('e17', {
    admissionDate: '2026-02-10',
    ...exit('2026-03-03', 'cured'),
    oedemaAtAdmission: true,
    ageMonthsAtAdmission: 26,
    minWeightKg: 6.0,
    minWeightDate: '2026-02-17',
    exitWeightKg: 6.9,
  }),
  ep('e18', { programme: 'TSFP', admissionDate: '2026-03-05' }),
  ep('e19', {
    admissionDate: '2026-02-25',
    ...exit('2026-03-20', 'cured'),
    sex: 'female',
    ageMonthsAtAdmission: 36,
    minWeightKg: 8.0,
    minWeightDate: '2026-02-25',
    exitWeightKg: 8.8,
  }),
  ep('e20', { admissionDate: '2026-03-04', ...exit('2026-03-29', 'moved-other'), ageMonthsAtAdmission: 30 }),
];
