// The appointments list: the "Next appointment" set at each patient's latest visit, due on the
// day, due in the week from it, or missed (its day has passed and the patient has not been seen since: a
// later visit becomes the latest one and replaces the appointment with its own, or with none).
import { addDays, localDate } from '../../../shared/clinical';
import type { InputOf } from '../../../shared/contract';
import type { AppointmentLine, VisitRecord } from '../../../shared/contract/channels/visits';
import type { OpenDatabase } from '../../core/state';
import { stmt } from '../../records';

interface Row {
  visit_id: string;
  patient_id: string;
  registration_number: string;
  given_name: string;
  family_name: string;
  phone: string;
  village: string;
  visit_date: string;
  visit_type: VisitRecord['type'];
  appointment: string;
}

/** The visit is the patient's latest (no later visit, nor a later-entered one on the same day). */
const LATEST = `NOT EXISTS (SELECT 1 FROM visits w WHERE w.patient_id = v.patient_id AND w.voided = 0
  AND w.id <> v.id AND (w.visit_date > v.visit_date OR (w.visit_date = v.visit_date AND w.created_at > v.created_at)))`;
const FROM = `FROM visits v JOIN patients p ON p.id = v.patient_id
  WHERE v.voided = 0 AND p.voided = 0 AND p.merged_into IS NULL
    AND v.next_appointment BETWEEN @from AND @to AND ${LATEST}`;

/** How far back the missed list looks: a year of missed appointments (older ones are lost to follow-up). */
const MISSED_LOOKBACK_DAYS = 365;

function rangeOf(list: InputOf<'visits.appointments'>['list'], on: string): { from: string; to: string } {
  if (list === 'today') return { from: on, to: on };
  if (list === 'week') return { from: on, to: addDays(on, 6) };
  return { from: addDays(on, -MISSED_LOOKBACK_DAYS), to: addDays(on, -1) };
}

export function appointmentList(
  open: OpenDatabase,
  input: InputOf<'visits.appointments'>,
  now: Date,
): { lines: AppointmentLine[]; total: number } {
  const on = input.on ?? localDate(now);
  const params = { ...rangeOf(input.list, on), limit: input.limit ?? 500 };
  // Index range over next_appointment; the latest-visit check uses visits_patient_date.
  const order = input.list === 'missed' ? 'DESC' : 'ASC';
  const rows = stmt(
    open.sqlite,
    `SELECT v.id AS visit_id, v.patient_id, p.registration_number, p.given_name, p.family_name, p.phone,
       p.village, v.visit_date, v.type AS visit_type, v.next_appointment AS appointment
     ${FROM} ORDER BY v.next_appointment ${order}, p.family_name, p.given_name LIMIT @limit`,
  ).all(params) as Row[];
  const total =
    rows.length < params.limit
      ? rows.length
      : (
          stmt(open.sqlite, `SELECT count(*) AS n ${FROM}`).get({ from: params.from, to: params.to }) as {
            n: number;
          }
        ).n;
  return {
    total,
    lines: rows.map((r) => ({
      visitId: r.visit_id,
      patientId: r.patient_id,
      registrationNumber: r.registration_number,
      givenName: r.given_name,
      familyName: r.family_name,
      phone: r.phone,
      village: r.village,
      visitDate: r.visit_date,
      visitType: r.visit_type,
      appointment: r.appointment,
    })),
  };
}
