// The patient chart (issue 5 §4): header, timeline of visits and referrals (enrolments and pregnancies join when
// their issues land), and the growth points of an under-5, read in a handful of indexed queries.
import { HEIGHT_FROM_DAYS, localDate, MAX_AGE_DAYS } from '../../../shared/clinical';
import type { GrowthPoint, PatientChart, TimelineItem } from '../../../shared/contract/channels/patients';
import { ageParts, isUnderFive } from '../../../shared/contract/channels/patient-rules';
import type { OpenDatabase } from '../../core/state';
import { requirePatient, toRecord } from './patients.repo';
import { parseJson, registeredDomains, stmt } from '../../records';

interface VisitLine {
  id: string;
  visit_date: string;
  type: string;
  clinician_name: string | null;
  weight_kg: number | null;
  muac_mm: number | null;
  oedema: string | null;
  length_used_cm: number | null;
  age_days: number | null;
  whz: number | null;
  waz: number | null;
  haz: number | null;
  nutrition_status: 'SAM' | 'MAM' | 'normal' | null;
  nutrition_criteria: string;
  diagnoses: string;
  voided: number;
}

interface ReferralLine {
  id: string;
  referral_date: string;
  facility_name: string;
  urgency: string;
  status: 'open' | 'closed';
  feedback_outcome: string | null;
  voided: number;
}

export function patientChart(open: OpenDatabase, id: string, now: Date): PatientChart {
  const today = localDate(now);
  const patient = requirePatient(open.db, id);
  const visitLines = stmt(
    open.sqlite,
    `SELECT v.id, v.visit_date, v.type, u.full_name AS clinician_name, v.weight_kg, v.muac_mm, v.oedema,
            v.length_used_cm, v.age_days, v.whz, v.waz, v.haz, v.nutrition_status, v.nutrition_criteria,
            v.diagnoses, v.voided
     FROM visits v LEFT JOIN users u ON u.id = v.clinician_id
     WHERE v.patient_id = ? ORDER BY v.visit_date DESC, v.created_at DESC`,
  ).all(id) as VisitLine[];
  const referralLines = stmt(
    open.sqlite,
    `SELECT r.id, r.referral_date, f.name AS facility_name, r.urgency, r.status, r.feedback_outcome, r.voided
     FROM referrals r JOIN directory_facilities f ON f.id = r.to_facility_id
     WHERE r.patient_id = ? ORDER BY r.referral_date DESC, r.created_at DESC`,
  ).all(id) as ReferralLine[];

  const timeline: TimelineItem[] = [
    ...visitLines.map((v): TimelineItem => ({
      kind: 'visit',
      id: v.id,
      date: v.visit_date,
      type: v.type,
      clinicianName: v.clinician_name,
      weightKg: v.weight_kg,
      muacMm: v.muac_mm,
      nutritionStatus: v.nutrition_status,
      diagnoses: parseJson<{ text: string; icd10: string }[]>(v.diagnoses, []).map((d) =>
        d.icd10 ? `${d.text} (${d.icd10})` : d.text,
      ),
      voided: v.voided === 1,
    })),
    ...referralLines.map((r): TimelineItem => ({
      kind: 'referral',
      id: r.id,
      date: r.referral_date,
      facilityName: r.facility_name,
      urgency: r.urgency,
      status: r.status,
      outcome: r.feedback_outcome,
      voided: r.voided === 1,
    })),
  ];
  let programmes: PatientChart['programmes'] = [];
  let pregnancy: PatientChart['pregnancy'] = null;
  for (const domain of registeredDomains()) {
    const part = domain.chart?.(open, id, today);
    if (!part) continue;
    if (part.timeline) timeline.push(...part.timeline);
    if (part.programmes) programmes = [...programmes, ...part.programmes];
    if (part.pregnancy !== undefined) pregnancy = part.pregnancy;
  }
  // Newest first; on the same day a referral comes after (above) the visit that led to it.
  timeline.sort((a, b) => (a.date === b.date ? (a.kind === 'referral' ? -1 : 1) : a.date < b.date ? 1 : -1));

  const latest = visitLines.find((v) => v.voided === 0 && v.nutrition_status !== null);
  const growth: GrowthPoint[] = visitLines
    .filter(
      (v) => v.voided === 0 && v.age_days !== null && v.age_days <= MAX_AGE_DAYS && v.weight_kg !== null,
    )
    .map((v) => ({
      visitId: v.id,
      date: v.visit_date,
      ageDays: v.age_days!,
      weightKg: v.weight_kg,
      lengthUsedCm: v.length_used_cm,
      table:
        v.length_used_cm === null
          ? null
          : v.age_days! < HEIGHT_FROM_DAYS
            ? ('wfl' as const)
            : ('wfh' as const),
      waz: v.waz,
      whz: v.whz,
      haz: v.haz,
      oedema: v.oedema !== null && v.oedema !== 'none',
    }))
    .reverse();

  return {
    patient: toRecord(patient),
    age: ageParts(patient.birthDate, today),
    programmes,
    pregnancy,
    latestNutrition: latest
      ? {
          status: latest.nutrition_status!,
          criteria: parseJson<string[]>(latest.nutrition_criteria, []),
          visitId: latest.id,
          visitDate: latest.visit_date,
          muacMm: latest.muac_mm,
          whz: latest.whz,
        }
      : null,
    timeline,
    growth,
    underFive: isUnderFive(patient.birthDate, today),
  };
}
