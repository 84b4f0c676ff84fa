// The central server's tables (PostgreSQL through drizzle pg-core; the same SQL runs on embedded PGlite).
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A facility the district knows; the credential (given once at enrolment) is kept only as its SHA-256. */
export const facilities = pgTable('facilities', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  district: text('district').notNull().default(''),
  enrolmentCodeHash: text('enrolment_code_hash'),
  enrolmentExpiresAt: at('enrolment_expires_at'),
  /** The desktop database's own facility uuid, bound at enrolment: records must carry it. */
  desktopFacilityId: text('desktop_facility_id').unique(),
  credentialHash: text('credential_hash').unique(),
  enrolledAt: at('enrolled_at'),
  revokedAt: at('revoked_at'),
  lastPushAt: at('last_push_at'),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** The order in which the server first saw each database epoch of a facility (newer epochs win). */
export const epochs = pgTable(
  'epochs',
  {
    facilityId: text('facility_id').notNull(),
    epoch: text('epoch').notNull(),
    rank: integer('rank').notNull(),
    firstSeenAt: at('first_seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.epoch] })],
);

/** The newest state of every record a facility pushed: one row per (facility, entity, id). */
export const records = pgTable(
  'records',
  {
    facilityId: text('facility_id').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    epochRank: integer('epoch_rank').notNull(),
    version: integer('version').notNull(),
    changeId: text('change_id').notNull(),
    epoch: text('epoch').notNull(),
    payloadVersion: integer('payload_version').notNull(),
    payload: jsonb('payload').notNull(),
    changedAt: text('changed_at').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.entity, t.entityId] }),
    index('records_entity').on(t.entity, t.facilityId),
  ],
);

/** Batches already answered: a repeated batch id gets the stored reply and writes nothing. */
export const batches = pgTable(
  'batches',
  {
    facilityId: text('facility_id').notNull(),
    batchId: text('batch_id').notNull(),
    response: jsonb('response').notNull(),
    records: integer('records').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.batchId] })],
);

/** Changes the server refused, until a later change of the same record is accepted. */
export const rejections = pgTable(
  'rejections',
  {
    id: serial('id').primaryKey(),
    facilityId: text('facility_id').notNull(),
    changeId: text('change_id').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    reason: text('reason').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('rejections_record').on(t.facilityId, t.entity, t.entityId)],
);

/** District staff who sign in to the district view (argon2id password hashes). */
export const districtUsers = pgTable('district_users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles')
    .array()
    .notNull()
    .default(sql`ARRAY['viewer']::text[]`),
  active: integer('active').notNull().default(1),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Pushes per facility, for the district view's activity figures. */
export const pushLog = pgTable('push_log', {
  id: serial('id').primaryKey(),
  facilityId: text('facility_id').notNull(),
  accepted: integer('accepted').notNull(),
  rejected: integer('rejected').notNull(),
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  at: at('at').notNull().defaultNow(),
});

/**
 * The heads of each facility's audit chain as pushed (an outside anchor: a desktop chain that no longer holds
 * `headHash` at row `rowCount` was rewritten). One row per (facility, rowCount); the newest is the anchor.
 */
export const auditAnchors = pgTable(
  'audit_anchors',
  {
    facilityId: text('facility_id').notNull(),
    rowCount: integer('row_count').notNull(),
    headHash: text('head_hash').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.rowCount] })],
);
