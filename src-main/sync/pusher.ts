// The pusher: outside every transaction, sends pending outbox rows in batches (at most N records or M bytes,
// each with a batch UUID), marks rows acknowledged only from the server's per-record reply, sets refused rows
// aside with the server's reason (the rest keep flowing) and backs off exponentially with jitter on failure.
// A kill at any point loses nothing (rows stay pending until acknowledged) and duplicates nothing (the server
// keeps one row per record and answers a repeated change as accepted).
import { uuidv7 } from '../../shared/ids';
import { SYNC_LIMITS, type PushRecord } from '../../shared/sync/wire';
import type { Sqlite } from '../db/open';
import { postEnrol, postPush, SyncHttpError } from './client';
import { readCredential, saveCredential, type CredentialStore } from './credential';
import { syncIdentity } from './epoch';
import { pendingCount } from './outbox';
import { auditAnchor } from '../modules/audit/audit.anchor';

const ANCHOR_KEY = 'system.syncAuditAnchorRow';

/** The audit row count whose head the server last acknowledged (0: never). */
function anchorPushed(sqlite: Sqlite): number {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(ANCHOR_KEY) as
    { value: string } | undefined;
  return row ? Number(JSON.parse(row.value)) : 0;
}

function noteAnchorPushed(sqlite: Sqlite, rowCount: number, at: string): void {
  sqlite
    .prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, NULL)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(ANCHOR_KEY, JSON.stringify(rowCount), at);
}

export const NOT_ENROLLED = 'This facility is not enrolled with a central server.';

export interface PushOptions {
  maxRecords?: number;
  maxBytes?: number;
  /** Stop after this many batches (the pusher comes back on its timer). */
  maxBatches?: number;
  timeoutMs?: number;
  now?: () => Date;
}

export interface PushReport {
  batches: number;
  accepted: number;
  rejected: number;
  waiting: number;
  error: string | null;
}

interface OutboxRow {
  seq: number;
  change_id: string;
  entity: string;
  entity_id: string;
  version: number;
  payload_version: number;
  facility_id: string;
  epoch: string;
  payload: string;
  created_at: string;
}

function serverOf(sqlite: Sqlite): { url: string; account: string } | null {
  const row = sqlite.prepare('SELECT server_url FROM sync_state WHERE id = 1').get() as
    { server_url: string | null } | undefined;
  if (!row?.server_url) return null;
  return { url: row.server_url, account: syncIdentity(sqlite).facilityId };
}

/** The next batch: pending rows in order, within the record and byte limits (one oversized row goes alone). */
function nextBatch(
  sqlite: Sqlite,
  maxRecords: number,
  maxBytes: number,
): { rows: OutboxRow[]; records: PushRecord[] } {
  const rows = sqlite
    .prepare(
      `SELECT seq, change_id, entity, entity_id, version, payload_version, facility_id, epoch, payload, created_at
         FROM outbox WHERE acked_at IS NULL AND rejected_at IS NULL ORDER BY seq LIMIT ?`,
    )
    .all(maxRecords) as OutboxRow[];
  const taken: OutboxRow[] = [];
  const records: PushRecord[] = [];
  let bytes = 64;
  for (const row of rows) {
    const size = row.payload.length + 300;
    if (taken.length > 0 && bytes + size > maxBytes) break;
    bytes += size;
    taken.push(row);
    records.push({
      changeId: row.change_id,
      entity: row.entity,
      entityId: row.entity_id,
      version: row.version,
      payloadVersion: row.payload_version,
      epoch: row.epoch,
      facilityId: row.facility_id,
      changedAt: row.created_at,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
    });
  }
  return { rows: taken, records };
}

function noteFailure(sqlite: Sqlite, rows: OutboxRow[], message: string, at: string): void {
  const mark = sqlite.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?');
  sqlite.transaction(() => {
    for (const r of rows) mark.run(message, r.seq);
    sqlite.prepare('UPDATE sync_state SET last_attempt_at = ?, last_error = ? WHERE id = 1').run(at, message);
  })();
}

/** Sends everything pending (or up to maxBatches); stops at the first failure and reports it. */
export async function pushPending(sqlite: Sqlite, options: PushOptions = {}): Promise<PushReport> {
  const now = options.now ?? (() => new Date());
  const maxRecords = Math.min(options.maxRecords ?? 500, SYNC_LIMITS.maxRecordsPerBatch);
  const maxBytes = Math.min(options.maxBytes ?? 1024 * 1024, SYNC_LIMITS.maxBatchBytes);
  const report: PushReport = { batches: 0, accepted: 0, rejected: 0, waiting: 0, error: null };
  const server = serverOf(sqlite);
  const credential = server ? await readCredential(sqlite, server.account) : null;
  if (!server || !credential) {
    report.error = NOT_ENROLLED;
    report.waiting = pendingCount(sqlite);
    return report;
  }
  while (report.batches < (options.maxBatches ?? Infinity)) {
    const { rows, records } = nextBatch(sqlite, maxRecords, maxBytes);
    // Every batch carries the audit chain's head; with nothing else waiting, a new head travels alone.
    const anchor = auditAnchor(sqlite);
    if (rows.length === 0 && (anchor.rowCount === 0 || anchor.rowCount === anchorPushed(sqlite))) break;
    const batchId = uuidv7();
    let reply;
    try {
      reply = await postPush(
        server.url,
        credential,
        { batchId, records, auditAnchor: anchor },
        options.timeoutMs,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      noteFailure(sqlite, rows, message, now().toISOString());
      report.error = message;
      if (error instanceof SyncHttpError && !error.retryable) (report as { fatal?: boolean }).fatal = true;
      break;
    }
    const at = now().toISOString();
    const bySeq = new Map(rows.map((r) => [r.change_id, r]));
    const ack = sqlite.prepare(
      'UPDATE outbox SET acked_at = ?, last_error = NULL WHERE seq = ? AND acked_at IS NULL',
    );
    const reject = sqlite.prepare(
      'UPDATE outbox SET rejected_at = ?, last_error = ?, attempts = attempts + 1 WHERE seq = ? AND acked_at IS NULL',
    );
    sqlite.transaction(() => {
      for (const result of reply.results) {
        const row = bySeq.get(result.changeId);
        if (!row) continue;
        if (result.status === 'accepted') {
          ack.run(at, row.seq);
          report.accepted++;
        } else {
          reject.run(at, result.reason ?? 'refused by the server', row.seq);
          report.rejected++;
        }
      }
      sqlite
        .prepare(
          'UPDATE sync_state SET last_push_at = ?, last_attempt_at = ?, last_error = NULL WHERE id = 1',
        )
        .run(at, at);
      noteAnchorPushed(sqlite, anchor.rowCount, at);
    })();
    report.batches++;
    if (rows.length === 0) break;
    // Rows the reply did not name stay pending: counted as an attempt so a server bug cannot loop silently.
    if (reply.results.length < rows.length) {
      noteFailure(
        sqlite,
        rows.filter((r) => !reply.results.some((x) => x.changeId === r.change_id)),
        'no reply for this change',
        at,
      );
      break;
    }
  }
  report.waiting = pendingCount(sqlite);
  return report;
}

export interface SyncStatus {
  serverUrl: string | null;
  enrolled: boolean;
  credentialStore: CredentialStore | null;
  lastPushAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  waiting: number;
  rejected: {
    changeId: string;
    entity: string;
    entityId: string;
    version: number;
    reason: string | null;
    at: string | null;
  }[];
}

export function syncStatus(sqlite: Sqlite): SyncStatus {
  syncIdentity(sqlite);
  const s = sqlite
    .prepare(
      'SELECT server_url, credential_store, last_push_at, last_attempt_at, last_error FROM sync_state WHERE id = 1',
    )
    .get() as {
    server_url: string | null;
    credential_store: CredentialStore | null;
    last_push_at: string | null;
    last_attempt_at: string | null;
    last_error: string | null;
  };
  const rejected = sqlite
    .prepare(
      `SELECT change_id AS changeId, entity, entity_id AS entityId, version, last_error AS reason, rejected_at AS at
         FROM outbox WHERE rejected_at IS NOT NULL AND acked_at IS NULL ORDER BY seq LIMIT 200`,
    )
    .all() as SyncStatus['rejected'];
  return {
    serverUrl: s.server_url,
    enrolled: s.credential_store !== null,
    credentialStore: s.credential_store,
    lastPushAt: s.last_push_at,
    lastAttemptAt: s.last_attempt_at,
    lastError: s.last_error,
    waiting: pendingCount(sqlite),
    rejected,
  };
}

/** An admin's retry of set-aside changes: they go back in the queue (all, or the ones named). */
export function retryRejected(sqlite: Sqlite, changeIds?: readonly string[]): number {
  if (!changeIds)
    return sqlite
      .prepare('UPDATE outbox SET rejected_at = NULL WHERE rejected_at IS NOT NULL AND acked_at IS NULL')
      .run().changes;
  const one = sqlite.prepare('UPDATE outbox SET rejected_at = NULL WHERE change_id = ? AND acked_at IS NULL');
  return sqlite.transaction(() => changeIds.reduce((n, id) => n + one.run(id).changes, 0))();
}

/** Enrols this facility: the server URL and one-time code give a credential, kept in the keychain or the database. */
export async function enrolFacility(
  sqlite: Sqlite,
  input: { serverUrl: string; code: string },
): Promise<{ facilityCode: string; facilityName: string; credentialStore: CredentialStore }> {
  const url = new URL(input.serverUrl);
  if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new SyncHttpError(
      'the server address must start with https:// (plain http only on this computer)',
      false,
    );
  const { facilityId } = syncIdentity(sqlite);
  const facility = sqlite.prepare('SELECT name FROM facility WHERE id = 1').get() as { name: string };
  const reply = await postEnrol(url.toString(), {
    code: input.code,
    facilityUuid: facilityId,
    facilityName: facility.name,
  });
  const at = new Date().toISOString();
  sqlite
    .prepare(
      'UPDATE sync_state SET server_url = ?, server_facility_id = ?, enrolled_at = ?, last_error = NULL WHERE id = 1',
    )
    .run(url.toString(), reply.facilityCode, at);
  const credentialStore = await saveCredential(sqlite, facilityId, reply.credential);
  return { facilityCode: reply.facilityCode, facilityName: reply.facilityName, credentialStore };
}

/** Timer + on-demand pushing with exponential back-off (base 2 s, cap 15 min) and full jitter. */
export class Pusher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PushReport> | null = null;
  private failures = 0;

  constructor(
    private readonly sqlite: () => Sqlite | null,
    private readonly intervalMs = 60_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The wait before the next try after `failures` failures in a row. */
  delayAfter(failures: number): number {
    if (failures === 0) return this.intervalMs;
    const ceiling = Math.min(15 * 60_000, 2_000 * 2 ** Math.min(failures - 1, 20));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** A push is running now. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Failures in a row (0 after a push that went through). */
  get failuresInARow(): number {
    return this.failures;
  }

  start(): void {
    if (!this.timer) this.schedule(this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** "Sync now": one push at a time; a second call joins the running one. */
  pushNow(options?: PushOptions): Promise<PushReport> {
    if (this.running) return this.running;
    const sqlite = this.sqlite();
    if (!sqlite)
      return Promise.resolve({ batches: 0, accepted: 0, rejected: 0, waiting: 0, error: 'database closed' });
    this.running = pushPending(sqlite, options).finally(() => {
      this.running = null;
    });
    return this.running.then((report) => {
      // Not enrolled is no failure to back off from: the timer keeps its period until an admin enrols.
      this.failures = report.error && report.error !== NOT_ENROLLED ? this.failures + 1 : 0;
      return report;
    });
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      void this.pushNow()
        .catch(() => undefined)
        .finally(() => {
          if (this.timer) this.schedule(this.delayAfter(this.failures));
        });
    }, ms);
    this.timer.unref();
  }
}
