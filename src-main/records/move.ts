// Moving a domain's records from one patient to another (a merge): each record gets its next version with the
// new patient, a history row "moved" with the merge's reason, and its outbox row; the merge's own audit row
// names the counts, so no audit row per record.
import type { Db, Sqlite } from '../db/open';
import { writeNextVersion, type Actor, type RecordStore, type VersionedRow } from './records';

export interface PatientMove {
  fromId: string;
  intoId: string;
  reason: string;
  at: string;
}

/** Moves `rows` (all linked to `move.fromId` through `field`) to `move.intoId`; returns how many moved. */
export function moveRecords<R extends VersionedRow, K extends keyof R & string>(
  open: { sqlite: Sqlite; db: Db },
  actor: Actor,
  store: RecordStore<R>,
  rows: readonly R[],
  field: K,
  move: PatientMove,
): number {
  for (const before of rows) {
    writeNextVersion(open, actor, move.at, store, {
      before,
      set: { [field]: move.intoId } as unknown as Partial<R>,
      history: {
        action: 'moved',
        changes: [{ field, from: move.fromId, to: move.intoId }],
        reason: move.reason,
      },
    });
  }
  return rows.length;
}
