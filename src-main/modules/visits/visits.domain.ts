// What visits add to the rest of the app through the record kernel's registration points: their lines on the
// patient chart (timeline, growth curve, latest nutrition status), their history kind, and how they follow a merge.
import { desc, eq } from 'drizzle-orm';
import { HEIGHT_FROM_DAYS, MAX_AGE_DAYS } from '../../../shared/clinical';
import type { GrowthPoint, TimelineItem } from '../../../shared/contract/channels/patients';
import type { OpenDatabase } from '../../core/state';
import { users, visits } from '../../db/schema';
import { moveRecords, parseJson, type DomainRegistration } from '../../records';
import { recomputeVisits } from './visits.recompute';
import { visitStore } from './visits.service';

/** A patient's visits, newest first, with the clinician's name. */
function chartLines(open: OpenDatabase, patientId: string) {
  return open.db
    .select({ visit: visits, clinicianName: users.fullName })
    .from(visits)
    .leftJoin(users, eq(users.id, visits.clinicianId))
    .where(eq(visits.patientId, patientId))
    .orderBy(desc(visits.visitDate), desc(visits.createdAt))
    .all();
}

function growthPoint(v: typeof visits.$inferSelect, ageDays: number): GrowthPoint {
  return {
    visitId: v.id,
    date: v.visitDate,
    ageDays,
    weightKg: v.weightKg,
    lengthUsedCm: v.lengthUsedCm,
    // WHO Child Growth Standards: weight-for-length under 24 months, weight-for-height from 24 months.
    table: v.lengthUsedCm === null ? null : ageDays < HEIGHT_FROM_DAYS ? 'wfl' : 'wfh',
    waz: v.waz,
    whz: v.whz,
    haz: v.haz,
    oedema: v.oedema !== null && v.oedema !== 'none',
  };
}

export const visitsDomain: DomainRegistration = {
  name: 'visits',
  historyEntities: ['visit'],
  chart(open, patientId) {
    const lines = chartLines(open, patientId);
    const timeline = lines.map(({ visit: v, clinicianName }): TimelineItem => ({
      kind: 'visit',
      id: v.id,
      date: v.visitDate,
      type: v.type,
      clinicianName,
      weightKg: v.weightKg,
      muacMm: v.muacMm,
      nutritionStatus: v.nutritionStatus,
      diagnoses: parseJson<{ text: string; icd10: string }[]>(v.diagnoses, []).map((d) =>
        d.icd10 ? `${d.text} (${d.icd10})` : d.text,
      ),
      voided: v.voided,
    }));
    const growth = lines.flatMap(({ visit: v }) =>
      !v.voided && v.ageDays !== null && v.ageDays <= MAX_AGE_DAYS && v.weightKg !== null
        ? [growthPoint(v, v.ageDays)]
        : [],
    );
    const latest = lines.find(({ visit: v }) => !v.voided && v.nutritionStatus !== null)?.visit;
    return {
      timeline,
      growth,
      latestNutrition:
        latest && latest.nutritionStatus
          ? {
              status: latest.nutritionStatus,
              criteria: parseJson<string[]>(latest.nutritionCriteria, []),
              visitId: latest.id,
              visitDate: latest.visitDate,
              muacMm: latest.muacMm,
              whz: latest.whz,
            }
          : null,
    };
  },
  patientCorrected: recomputeVisits,
  merge: {
    tables: ['visits'],
    move(open, actor, move) {
      const rows = open.db.select().from(visits).where(eq(visits.patientId, move.fromId)).all();
      return { visits: moveRecords(open, actor, visitStore, rows, 'patientId', move) };
    },
  },
};
