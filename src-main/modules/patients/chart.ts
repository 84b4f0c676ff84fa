// The patient chart: the header, then what every registered domain contributes (timeline lines, growth points,
// programme badges, the current pregnancy), so a new domain appears here without editing this file.
import { localDate } from '../../../shared/clinical';
import type { GrowthPoint, PatientChart, TimelineItem } from '../../../shared/contract/channels/patients';
import { ageParts, isUnderFive } from '../../../shared/contract/channels/patient-rules';
import type { OpenDatabase } from '../../core/state';
import { requirePatient, toRecord } from './patients.repo';
import { registeredDomains } from '../../records';

export function patientChart(open: OpenDatabase, id: string, now: Date): PatientChart {
  const today = localDate(now);
  const patient = requirePatient(open.db, id);
  const timeline: TimelineItem[] = [];
  const growth: GrowthPoint[] = [];
  let programmes: PatientChart['programmes'] = [];
  let pregnancy: PatientChart['pregnancy'] = null;
  let latestNutrition: PatientChart['latestNutrition'] = null;
  for (const domain of registeredDomains()) {
    const part = domain.chart?.(open, id, today);
    if (!part) continue;
    if (part.timeline) timeline.push(...part.timeline);
    if (part.growth) growth.push(...part.growth);
    if (part.programmes) programmes = [...programmes, ...part.programmes];
    if (part.pregnancy !== undefined) pregnancy = part.pregnancy;
    const latest = part.latestNutrition;
    if (latest && (!latestNutrition || latest.visitDate > latestNutrition.visitDate))
      latestNutrition = latest;
  }
  // Newest first (the sort is stable: each domain's own order holds within a day); on the same day a referral
  // comes after (above) the visit that led to it.
  const sameDayRank = (item: TimelineItem) => (item.kind === 'referral' ? 0 : 1);
  timeline.sort((a, b) => (a.date === b.date ? sameDayRank(a) - sameDayRank(b) : a.date < b.date ? 1 : -1));
  growth.sort((a, b) => a.ageDays - b.ageDays);

  return {
    patient: toRecord(patient),
    age: ageParts(patient.birthDate, today),
    programmes,
    pregnancy,
    latestNutrition,
    timeline,
    growth,
    underFive: isUnderFive(patient.birthDate, today),
  };
}
