// What referrals add through the record kernel's registration points: their timeline lines on the patient chart,
// their history kind, and how they follow a merge.
import { desc, eq } from 'drizzle-orm';
import type { TimelineItem } from '../../../shared/contract/channels/patients';
import { directoryFacilities, referrals } from '../../db/schema';
import { moveRecords, type DomainRegistration } from '../../records';
import { referralStore } from './referrals.service';

export const referralsDomain: DomainRegistration = {
  name: 'referrals',
  historyEntities: ['referral'],
  chart(open, patientId) {
    const lines = open.db
      .select({ referral: referrals, facilityName: directoryFacilities.name })
      .from(referrals)
      .innerJoin(directoryFacilities, eq(directoryFacilities.id, referrals.toFacilityId))
      .where(eq(referrals.patientId, patientId))
      .orderBy(desc(referrals.referralDate), desc(referrals.createdAt))
      .all();
    return {
      timeline: lines.map(({ referral: r, facilityName }): TimelineItem => ({
        kind: 'referral',
        id: r.id,
        date: r.referralDate,
        facilityName,
        urgency: r.urgency,
        status: r.status,
        outcome: r.feedbackOutcome,
        voided: r.voided,
      })),
    };
  },
  merge: {
    tables: ['referrals'],
    move(open, actor, move) {
      const rows = open.db.select().from(referrals).where(eq(referrals.patientId, move.fromId)).all();
      return { referrals: moveRecords(open, actor, referralStore, rows, 'patientId', move) };
    },
  },
};
