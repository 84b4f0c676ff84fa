import type { InputOf } from '../../../shared/contract';
import { child, type Clinic } from '../patients/support';

export const DAY = 24 * 60 * 60 * 1000;

/** A 14-month-old with MUAC 108 mm, no complications: SAM, OTP (the clinic's clock starts 2026-03-10). */
export async function samChild(c: Clinic, given = 'Mariama'): Promise<string> {
  const p = await c.clerk.ok('patients.register', {
    ...child({ givenName: given, birthDate: '2025-01-10' }),
    confirmNotDuplicate: true,
  });
  return p.id;
}

export function otpAdmission(
  patientId: string,
  over: Partial<InputOf<'cmam.admit'>> = {},
): InputOf<'cmam.admit'> {
  return {
    patientId,
    admissionDate: '2026-03-10',
    weightKg: 7.2,
    muacMm: 108,
    oedema: 'none',
    appetiteSachetsEaten: 0.5,
    medicalComplication: false,
    dangerSign: false,
    programme: 'OTP',
    rutfSachetsGiven: 21,
    medicinesGiven: ['amoxicillin'],
    ...over,
  };
}

export function tableCounts(c: Clinic): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of [
    'cmam_episodes',
    'cmam_followups',
    'rutf_stock_movements',
    'programme_enrolments',
    'programmes',
    'record_history',
    'outbox',
    'audit_log',
    'registration_counters',
  ])
    out[t] = (c.sqlite().prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}
