// The push endpoint's work: one transaction per batch, locked per facility, upserting each record by
// (facility, entity, id) and keeping the newest by (epoch rank, version, change id). A batch id already
// answered gets its stored reply and writes nothing; a record that breaks its declared shape is refused alone.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { payloadSchemaOf } from '../shared/sync/payloads';
import {
  SYNC_LIMITS,
  type PushRecord,
  type PushRequest,
  type PushResponse,
  type RecordResult,
} from '../shared/sync/wire';
import type { ServerDb } from './db/open';
import { auditAnchors, batches, epochs, facilities, pushLog, rejections } from './db/schema';
import { ServerError, type Authenticated } from './facilities';

/** Why a record is refused, or null when it may be stored. */
function problemOf(record: PushRecord): string | null {
  if (JSON.stringify(record.payload).length > SYNC_LIMITS.maxRecordBytes)
    return `payload larger than ${SYNC_LIMITS.maxRecordBytes} bytes`;
  if (record.payload.id !== record.entityId) return 'payload id differs from the record id';
  if (record.payload.version !== record.version) return 'payload version differs from the record version';
  const parsed = payloadSchemaOf(record.entity).safeParse(record.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${record.entity} payload: ${issue?.path.join('.') || '(record)'}: ${issue?.message ?? 'invalid'}`;
  }
  return null;
}

type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

/** The rank of each epoch, in the order the server first saw them for this facility. */
async function epochRanks(tx: Tx, facilityId: string, wanted: string[]): Promise<Map<string, number>> {
  const known = await tx
    .select()
    .from(epochs)
    .where(and(eq(epochs.facilityId, facilityId), inArray(epochs.epoch, wanted)));
  const ranks = new Map(known.map((e) => [e.epoch, e.rank]));
  const missing = wanted.filter((e) => !ranks.has(e));
  if (missing.length > 0) {
    const [top] = await tx
      .select({ max: sql<number>`coalesce(max(${epochs.rank}), 0)::int` })
      .from(epochs)
      .where(eq(epochs.facilityId, facilityId));
    let next = (top?.max ?? 0) + 1;
    for (const epoch of missing) {
      await tx.insert(epochs).values({ facilityId, epoch, rank: next });
      ranks.set(epoch, next++);
    }
  }
  return ranks;
}

function newer(a: { rank: number; version: number; changeId: string }, b: typeof a): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.version !== b.version) return a.version > b.version;
  return a.changeId > b.changeId;
}

/** The reply to a batch id answered before, from what was stored (older rows hold the whole reply). */
function replayOf(stored: unknown, batch: PushRequest): PushResponse {
  const kept = stored as Partial<PushResponse> & { rejected?: [string, string][] };
  if (kept.results) return { batchId: batch.batchId, replayed: true, results: kept.results };
  const refused = new Map(kept.rejected ?? []);
  return {
    batchId: batch.batchId,
    replayed: true,
    results: batch.records.map((r) => {
      const reason = refused.get(r.changeId);
      return reason === undefined
        ? { changeId: r.changeId, status: 'accepted' as const }
        : { changeId: r.changeId, status: 'rejected' as const, reason };
    }),
  };
}

export async function ingest(
  db: ServerDb,
  who: Authenticated,
  batch: PushRequest,
  bytes: number,
): Promise<PushResponse> {
  // Never trust a facility id the credential does not carry: the whole batch is refused, nothing written.
  const foreign = batch.records.find((r) => r.facilityId !== who.desktopFacilityId);
  if (foreign)
    throw new ServerError(403, 'FORBIDDEN', 'This credential may not write records of another facility.');

  return db.transaction(async (tx) => {
    // One push at a time per facility: epoch ranks and batch replies stay consistent under duplicates.
    await tx.execute(sql`SELECT id FROM ${facilities} WHERE id = ${who.serverId} FOR UPDATE`);
    const [seen] = await tx
      .select()
      .from(batches)
      .where(and(eq(batches.facilityId, who.serverId), eq(batches.batchId, batch.batchId)));
    if (seen) return { ...replayOf(seen.response, batch), replayed: true };

    const results: RecordResult[] = [];
    const good: PushRecord[] = [];
    const refused: { record: PushRecord; reason: string }[] = [];
    for (const record of batch.records) {
      const problem = problemOf(record);
      if (problem) {
        refused.push({ record, reason: problem });
        results.push({ changeId: record.changeId, status: 'rejected', reason: problem });
      } else {
        good.push(record);
        results.push({ changeId: record.changeId, status: 'accepted' });
      }
    }

    if (good.length > 0) {
      const ranks = await epochRanks(tx, who.serverId, [...new Set(good.map((r) => r.epoch))]);
      // One row per record in a single statement: keep the newest change of each record in this batch.
      const latest = new Map<string, PushRecord & { rank: number }>();
      for (const r of good) {
        const candidate = { ...r, rank: ranks.get(r.epoch)! };
        const key = `${r.entity}\u001f${r.entityId}`;
        const held = latest.get(key);
        if (!held || newer(candidate, held)) latest.set(key, candidate);
      }
      // One statement for the whole batch, its rows in ONE jsonb parameter (jsonb_to_recordset): PGlite and
      // PostgreSQL parse one value instead of ten parameters per record.
      const rows = JSON.stringify(
        [...latest.values()].map((r) => ({
          entity: r.entity,
          entity_id: r.entityId,
          epoch_rank: r.rank,
          version: r.version,
          change_id: r.changeId,
          epoch: r.epoch,
          payload_version: r.payloadVersion,
          payload: r.payload,
          changed_at: r.changedAt,
        })),
      );
      await tx.execute(sql`
        INSERT INTO records (facility_id, entity, entity_id, epoch_rank, version, change_id, epoch,
                             payload_version, payload, changed_at)
        SELECT ${who.serverId}, r.entity, r.entity_id, r.epoch_rank, r.version, r.change_id, r.epoch,
               r.payload_version, r.payload, r.changed_at
          FROM jsonb_to_recordset(${rows}::jsonb) AS r(entity text, entity_id text, epoch_rank int,
               version int, change_id text, epoch text, payload_version int, payload jsonb, changed_at text)
        ON CONFLICT (facility_id, entity, entity_id) DO UPDATE SET
          epoch_rank = excluded.epoch_rank, version = excluded.version, change_id = excluded.change_id,
          epoch = excluded.epoch, payload_version = excluded.payload_version, payload = excluded.payload,
          changed_at = excluded.changed_at, received_at = now()
        WHERE (records.epoch_rank, records.version, records.change_id)
            < (excluded.epoch_rank, excluded.version, excluded.change_id)`);
      // A record stored again no longer counts as a pending error (looked up only when the facility has any).
      const anyRejected = await tx
        .select({ id: rejections.id })
        .from(rejections)
        .where(eq(rejections.facilityId, who.serverId))
        .limit(1);
      if (anyRejected.length > 0) {
        const keys = JSON.stringify([...latest.values()].map((r) => [r.entity, r.entityId]));
        await tx.execute(sql`
          DELETE FROM rejections
           WHERE facility_id = ${who.serverId}
             AND (entity, entity_id) IN (SELECT k->>0, k->>1 FROM jsonb_array_elements(${keys}::jsonb) AS k)`);
      }
    }
    if (refused.length > 0)
      await tx.insert(rejections).values(
        refused.map(({ record, reason }) => ({
          facilityId: who.serverId,
          changeId: record.changeId,
          entity: record.entity,
          entityId: record.entityId,
          reason,
        })),
      );
    if (batch.auditAnchor)
      await tx
        .insert(auditAnchors)
        .values({
          facilityId: who.serverId,
          rowCount: batch.auditAnchor.rowCount,
          headHash: batch.auditAnchor.headHash,
        })
        .onConflictDoNothing();
    const response: PushResponse = { batchId: batch.batchId, replayed: false, results };
    await tx.insert(batches).values({
      facilityId: who.serverId,
      batchId: batch.batchId,
      // Only the refusals are stored: a repeated batch id carries the same changes, all others accepted.
      response: { rejected: refused.map(({ record, reason }) => [record.changeId, reason]) },
      records: batch.records.length,
    });
    await tx
      .update(facilities)
      .set({ lastPushAt: new Date().toISOString() })
      .where(eq(facilities.id, who.serverId));
    await tx
      .insert(pushLog)
      .values({ facilityId: who.serverId, accepted: good.length, rejected: refused.length, bytes });
    return response;
  });
}
