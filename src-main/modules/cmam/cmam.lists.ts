// The caseload and the defaulter tracing list (issue 17 §5): open episodes with the caregiver's contact and the
// scheduled visits missed since the last attendance, as the protocol counts them.
import { defaulterStatus, localDate } from '../../../shared/clinical';
import type { CaseloadLine, CmamProgramme } from '../../../shared/contract/channels/cmam';
import type { OpenDatabase } from '../../core/state';
import { stmt } from '../../records';
import { protocolOf } from './cmam.repo';

interface Line {
  id: string;
  programme: CmamProgramme;
  number: string;
  admission_date: string;
  next_visit_date: string | null;
  last_visit: string | null;
  last_next: string | null;
  p_id: string;
  registration_number: string;
  given_name: string;
  family_name: string;
  sex: 'male' | 'female';
  birth_date: string;
  village: string;
  caregiver_name: string;
  caregiver_phone: string;
  phone: string;
}

const SQL = `
  SELECT e.id, e.programme, e.number, e.admission_date, e.next_visit_date,
         f.visit_date AS last_visit, f.next_visit_date AS last_next,
         p.id AS p_id, p.registration_number, p.given_name, p.family_name, p.sex, p.birth_date, p.village,
         p.caregiver_name, p.caregiver_phone, p.phone
  FROM cmam_episodes e
  JOIN patients p ON p.id = e.patient_id
  LEFT JOIN cmam_followups f ON f.id = (
    SELECT f2.id FROM cmam_followups f2 WHERE f2.episode_id = e.id AND f2.voided = 0
    ORDER BY f2.visit_date DESC LIMIT 1)
  WHERE e.exit_date IS NULL AND e.voided = 0 AND e.merged = 0 AND (? IS NULL OR e.programme = ?)
  ORDER BY e.programme, e.number`;

export function caseload(
  open: OpenDatabase,
  programme: CmamProgramme | undefined,
  now: Date,
): CaseloadLine[] {
  const today = localDate(now);
  const profile = protocolOf(open);
  const rows = stmt(open.sqlite, SQL).all(programme ?? null, programme ?? null) as Line[];
  return rows.map((r) => {
    const lastVisitDate = r.last_visit ?? r.admission_date;
    const nextVisitDate = r.last_visit ? r.last_next : r.next_visit_date;
    // SC is inpatient care: nobody misses an appointment there.
    const missedVisits =
      nextVisitDate && nextVisitDate > lastVisitDate && today >= lastVisitDate && r.programme !== 'SC'
        ? defaulterStatus(
            { lastAttendedDate: lastVisitDate, nextScheduledDate: nextVisitDate, asOf: today },
            profile,
          ).missedVisits
        : 0;
    return {
      episodeId: r.id,
      programme: r.programme,
      number: r.number,
      admissionDate: r.admission_date,
      patient: {
        id: r.p_id,
        registrationNumber: r.registration_number,
        givenName: r.given_name,
        familyName: r.family_name,
        sex: r.sex,
        birthDate: r.birth_date,
        village: r.village,
        caregiverName: r.caregiver_name,
        caregiverPhone: r.caregiver_phone,
        phone: r.phone,
      },
      lastVisitDate,
      nextVisitDate,
      missedVisits,
      proposeDefault: missedVisits >= profile.cmam.defaulterMissedVisits,
    };
  });
}

export function defaulters(open: OpenDatabase, programme: CmamProgramme | undefined, now: Date) {
  const lines = caseload(open, programme, now)
    .filter((l) => l.missedVisits > 0)
    .sort((a, b) => b.missedVisits - a.missedVisits || a.number.localeCompare(b.number));
  return { lines, threshold: protocolOf(open).cmam.defaulterMissedVisits, asOf: localDate(now) };
}
