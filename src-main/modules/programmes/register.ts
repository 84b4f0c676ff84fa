// How programmes join the patient chart (enrolment timeline items, active badges), history and merges.
import { AppError } from '../../../shared/contract';
import { CMAM_MESSAGES } from '../../../shared/contract/channels/cmam-messages';
import type { TimelineItem } from '../../../shared/contract/channels/patients';
import { enrolments } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { moveRecords, stmt, type DomainRegistration } from '../../records';
import { enrolmentStore, patientEnrolments } from './programmes.repo';

export const programmesDomain: DomainRegistration = {
  name: 'programmes',
  historyEntities: ['enrolment', 'programme'],
  chart(open, patientId) {
    const list = patientEnrolments(open, patientId);
    const timeline: TimelineItem[] = [];
    for (const e of list) {
      timeline.push({
        kind: 'enrolment',
        id: e.id,
        date: e.enrolledOn,
        programme: e.programmeCode,
        voided: e.voided,
      });
      if (e.unenrolledOn)
        timeline.push({
          kind: 'programme-event',
          id: `${e.id}:closed`,
          date: e.unenrolledOn,
          programme: e.programmeCode,
          event: 'unenrolment',
          number: null,
          outcome: e.unenrolReason,
          voided: e.voided,
        });
    }
    const programmes = list
      .filter((e) => e.unenrolledOn === null && !e.voided)
      .map((e) => ({ code: e.programmeCode, name: e.programmeName }));
    return { timeline, programmes };
  },
  merge: {
    tables: ['programme_enrolments'],
    check(open, fromId, intoId) {
      const clash = stmt(
        open.sqlite,
        `SELECT p.code FROM programme_enrolments a JOIN programme_enrolments b ON b.programme_id = a.programme_id
         JOIN programmes p ON p.id = a.programme_id
         WHERE a.patient_id = ? AND b.patient_id = ? AND a.unenrolled_on IS NULL AND b.unenrolled_on IS NULL
           AND a.voided = 0 AND b.voided = 0 LIMIT 1`,
      ).get(fromId, intoId) as { code: string } | undefined;
      if (clash)
        throw new AppError('CONFLICT', CMAM_MESSAGES.alreadyEnrolled, [
          {
            path: 'mergedId',
            message: `is enrolled in ${clash.code}, as is the record kept: unenrol one first`,
          },
        ]);
    },
    move(open, actor, m) {
      const rows = open.db.select().from(enrolments).where(eq(enrolments.patientId, m.fromId)).all();
      return { programme_enrolments: moveRecords(open, actor, enrolmentStore, rows, 'patientId', m) };
    },
  },
};
