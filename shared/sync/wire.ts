// What travels between a facility's desktop and the central server: enrolment and push batches with their
// per-record replies. One declaration for the pusher, the server's validation and its OpenAPI document.
import { z } from 'zod';

/** Limits both sides honour: the pusher never builds a larger batch, the server refuses one. */
export const SYNC_LIMITS = {
  maxRecordsPerBatch: 500,
  maxBatchBytes: 2 * 1024 * 1024,
  maxRecordBytes: 256 * 1024,
} as const;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');

export const enrolRequest = z.strictObject({
  code: z.string().min(6).max(100),
  /** The facility's own id (its database's facility uuid), bound to the credential from now on. */
  facilityUuid: uuid,
  facilityName: z.string().max(200),
});
export type EnrolRequest = z.infer<typeof enrolRequest>;

export const enrolResponse = z.strictObject({
  facilityId: uuid,
  facilityCode: z.string(),
  facilityName: z.string(),
  /** Shown once: the server keeps only its hash. */
  credential: z.string(),
});
export type EnrolResponse = z.infer<typeof enrolResponse>;

export const pushRecord = z.strictObject({
  changeId: uuid,
  entity: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'a lower-case entity name'),
  entityId: z.string().min(1).max(100),
  version: z.number().int().min(1),
  payloadVersion: z.number().int().min(1),
  epoch: uuid,
  facilityId: uuid,
  /** When the desktop made the change, by its own clock: shown, never used to order versions. */
  changedAt: z.string().max(40),
  payload: z.record(z.string(), z.unknown()),
});
export type PushRecord = z.infer<typeof pushRecord>;

/** The head of the facility's audit chain when the batch left: the server keeps it as an outside anchor. */
export const auditAnchorWire = z.strictObject({
  headHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
  rowCount: z.number().int().min(0),
});
export type AuditAnchorWire = z.infer<typeof auditAnchorWire>;

export const pushRequest = z.strictObject({
  batchId: uuid,
  records: z.array(pushRecord).max(SYNC_LIMITS.maxRecordsPerBatch),
  auditAnchor: auditAnchorWire.optional(),
});
export type PushRequest = z.infer<typeof pushRequest>;

/**
 * accepted: the server holds this change (or a later version of the record); rejected: it will never take
 * this change as it is (the reason says why), so the desktop sets it aside for the admin.
 */
export const recordResult = z.strictObject({
  changeId: z.string(),
  status: z.enum(['accepted', 'rejected']),
  reason: z.string().optional(),
});
export type RecordResult = z.infer<typeof recordResult>;

export const pushResponse = z.strictObject({
  batchId: z.string(),
  /** True when this batch id was answered before: the reply is the stored one, nothing was written again. */
  replayed: z.boolean(),
  results: z.array(recordResult),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const errorResponse = z.object({ error: z.string(), message: z.string() });
