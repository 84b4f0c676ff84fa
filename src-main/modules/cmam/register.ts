// How CMAM joins the patient chart (timeline items and the programmes badges), the history channel and merges.
import { AppError } from '../../../shared/contract';
import type { EpisodeRecord } from '../../../shared/contract/channels/cmam';
import { CMAM_MESSAGES } from '../../../shared/contract/channels/cmam-messages';
import type { TimelineItem } from '../../../shared/contract/channels/patients';
import type { OpenDatabase } from '../../core/state';
import { cmamEpisodes, cmamFollowups } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { moveRecords, stmt, type DomainRegistration } from '../../records';
import { episodeStore, followupStore, toEpisode } from './cmam.repo';

export function patientEpisodes(open: OpenDatabase, patientId: string): EpisodeRecord[] {
  return open.db
    .select()
    .from(cmamEpisodes)
    .where(eq(cmamEpisodes.patientId, patientId))
    .all()
    .sort((a, b) =>
      a.admissionDate === b.admissionDate
        ? a.createdAt < b.createdAt
          ? 1
          : -1
        : a.admissionDate < b.admissionDate
          ? 1
          : -1,
    )
    .map(toEpisode);
}

const NAMES: Record<string, string> = { OTP: 'OTP', SC: 'SC', TSFP: 'TSFP' };

function chart(open: OpenDatabase, patientId: string) {
  const episodes = patientEpisodes(open, patientId);
  const timeline: TimelineItem[] = [];
  for (const e of episodes) {
    timeline.push({
      kind: 'programme-event',
      id: e.id,
      date: e.admissionDate,
      programme: e.programme,
      event: 'admission',
      number: e.number,
      outcome: e.admissionType,
      voided: e.voided,
    });
    if (e.exitDate && e.exitType)
      timeline.push({
        kind: 'programme-event',
        id: `${e.id}:exit`,
        date: e.exitDate,
        programme: e.programme,
        event: e.internalMove ? 'move' : 'exit',
        number: e.number,
        outcome: e.exitType,
        voided: e.voided,
      });
  }
  const followups = stmt(
    open.sqlite,
    `SELECT f.id, f.visit_date, f.voided, e.programme, e.number FROM cmam_followups f
     JOIN cmam_episodes e ON e.id = f.episode_id WHERE f.patient_id = ?`,
  ).all(patientId) as { id: string; visit_date: string; voided: number; programme: string; number: string }[];
  for (const f of followups)
    timeline.push({
      kind: 'programme-event',
      id: f.id,
      date: f.visit_date,
      programme: f.programme,
      event: 'followup',
      number: f.number,
      outcome: null,
      voided: f.voided === 1,
    });
  const programmes = episodes
    .filter((e) => e.exitDate === null && !e.voided)
    .map((e) => ({ code: e.programme, name: `${NAMES[e.programme]} ${e.number}` }));
  return { timeline, programmes };
}

export const cmamDomain: DomainRegistration = {
  name: 'cmam',
  historyEntities: ['cmam_episode', 'cmam_followup'],
  chart: (open, patientId) => chart(open, patientId),
  merge: {
    tables: ['cmam_episodes', 'cmam_followups'],
    check(open, fromId, intoId) {
      const clash = stmt(
        open.sqlite,
        `SELECT a.programme, a.number AS a_number, b.number AS b_number FROM cmam_episodes a
         JOIN cmam_episodes b ON b.programme = a.programme
         WHERE a.patient_id = ? AND b.patient_id = ? AND a.exit_date IS NULL AND b.exit_date IS NULL
           AND a.voided = 0 AND b.voided = 0 LIMIT 1`,
      ).get(fromId, intoId) as { programme: string; a_number: string; b_number: string } | undefined;
      if (clash)
        throw new AppError('CONFLICT', CMAM_MESSAGES.mergeTwoOpen, [
          {
            path: 'mergedId',
            message: `has open episode ${clash.a_number}, and the record kept has ${clash.b_number}`,
          },
        ]);
    },
    move(open, actor, m) {
      const episodes = open.db.select().from(cmamEpisodes).where(eq(cmamEpisodes.patientId, m.fromId)).all();
      const followups = open.db
        .select()
        .from(cmamFollowups)
        .where(eq(cmamFollowups.patientId, m.fromId))
        .all();
      return {
        cmam_episodes: moveRecords(open, actor, episodeStore, episodes, 'patientId', m),
        cmam_followups: moveRecords(open, actor, followupStore, followups, 'patientId', m),
      };
    },
  },
};
