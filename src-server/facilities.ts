// Facility administration (server admin, from the CLI) and enrolment (a desktop admin, with the one-time code).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { EnrolRequest, EnrolResponse } from '../shared/sync/wire';
import type { ServerDb } from './db/open';
import { facilities, records, rejections } from './db/schema';

export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Enrolment codes are short enough to read over the phone; they work once and expire after 7 days. */
const ENROLMENT_DAYS = 7;

function enrolmentCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export async function createFacility(
  db: ServerDb,
  input: { code: string; name: string; district?: string },
): Promise<{ id: string; code: string; name: string; enrolmentCode: string; expiresAt: string }> {
  const code = input.code.trim();
  const name = input.name.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(code))
    throw new ServerError(400, 'VALIDATION', '--code must be 1-40 letters, digits, "-" or "_"');
  if (name.length < 2 || name.length > 200)
    throw new ServerError(400, 'VALIDATION', '--name must be 2-200 characters');
  const existing = await db.select().from(facilities).where(eq(facilities.code, code));
  if (existing.length > 0)
    throw new ServerError(409, 'CONFLICT', `a facility with code ${code} already exists`);
  const secret = enrolmentCode();
  const expiresAt = new Date(Date.now() + ENROLMENT_DAYS * 86_400_000).toISOString();
  const id = randomUUID();
  await db.insert(facilities).values({
    id,
    code,
    name,
    district: input.district?.trim() ?? '',
    enrolmentCodeHash: sha256(secret),
    enrolmentExpiresAt: expiresAt,
  });
  return { id, code, name, enrolmentCode: secret, expiresAt };
}

/** A new one-time code for a facility (a lost code, or moving a facility to a new PC). */
export async function newEnrolmentCode(db: ServerDb, code: string): Promise<string> {
  const secret = enrolmentCode();
  const done = await db
    .update(facilities)
    .set({
      enrolmentCodeHash: sha256(secret),
      enrolmentExpiresAt: new Date(Date.now() + ENROLMENT_DAYS * 86_400_000).toISOString(),
    })
    .where(and(eq(facilities.code, code), isNull(facilities.revokedAt)))
    .returning({ id: facilities.id });
  if (done.length === 0) throw new ServerError(404, 'NOT_FOUND', `no active facility with code ${code}`);
  return secret;
}

export async function revokeFacility(db: ServerDb, code: string): Promise<void> {
  const done = await db
    .update(facilities)
    .set({ revokedAt: new Date().toISOString(), enrolmentCodeHash: null })
    .where(eq(facilities.code, code))
    .returning({ id: facilities.id });
  if (done.length === 0) throw new ServerError(404, 'NOT_FOUND', `no facility with code ${code}`);
}

/** The one-time code becomes a facility credential (random 256 bits; only its SHA-256 is stored). */
export async function enrol(db: ServerDb, input: EnrolRequest): Promise<EnrolResponse> {
  const hash = sha256(input.code.trim().toUpperCase());
  const [facility] = await db.select().from(facilities).where(eq(facilities.enrolmentCodeHash, hash));
  const expected = facility?.enrolmentCodeHash ? Buffer.from(facility.enrolmentCodeHash) : Buffer.alloc(64);
  if (
    !facility ||
    !timingSafeEqual(expected, Buffer.from(hash)) ||
    facility.revokedAt ||
    !facility.enrolmentExpiresAt ||
    Date.parse(facility.enrolmentExpiresAt) < Date.now()
  )
    throw new ServerError(
      401,
      'ENROLMENT_REFUSED',
      'This enrolment code is not valid (used, expired or mistyped).',
    );
  if (facility.desktopFacilityId && facility.desktopFacilityId !== input.facilityUuid) {
    const held = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(records)
      .where(eq(records.facilityId, facility.id));
    // A new PC for the same facility is fine only before it holds records from another database.
    if ((held[0]?.n ?? 0) > 0)
      throw new ServerError(409, 'CONFLICT', 'This facility already pushes from another CareDesk database.');
  }
  const credential = `cdf_${randomBytes(32).toString('base64url')}`;
  await db
    .update(facilities)
    .set({
      credentialHash: sha256(credential),
      desktopFacilityId: input.facilityUuid,
      enrolmentCodeHash: null,
      enrolmentExpiresAt: null,
      enrolledAt: new Date().toISOString(),
    })
    .where(eq(facilities.id, facility.id));
  return {
    facilityId: input.facilityUuid,
    facilityCode: facility.code,
    facilityName: facility.name,
    credential,
  };
}

export interface Authenticated {
  serverId: string;
  desktopFacilityId: string;
  code: string;
}

export async function authenticate(db: ServerDb, header: string | undefined): Promise<Authenticated> {
  const token = /^Bearer (cdf_[A-Za-z0-9_-]{20,100})$/.exec(header ?? '')?.[1];
  if (!token) throw new ServerError(401, 'UNAUTHENTICATED', 'A facility credential is required.');
  const [facility] = await db
    .select()
    .from(facilities)
    .where(eq(facilities.credentialHash, sha256(token)));
  if (!facility || !facility.desktopFacilityId)
    throw new ServerError(401, 'UNAUTHENTICATED', 'This facility credential is not known.');
  if (facility.revokedAt) throw new ServerError(401, 'REVOKED', 'This facility credential was revoked.');
  return { serverId: facility.id, desktopFacilityId: facility.desktopFacilityId, code: facility.code };
}

export interface FacilitySummary {
  id: string;
  code: string;
  name: string;
  district: string;
  status: 'awaiting enrolment' | 'enrolled' | 'revoked';
  enrolledAt: string | null;
  lastPushAt: string | null;
  records: Record<string, number>;
  rejected: number;
}

export async function listFacilities(db: ServerDb): Promise<FacilitySummary[]> {
  const rows = await db.select().from(facilities).orderBy(facilities.code);
  const held = await db
    .select({ facilityId: records.facilityId, entity: records.entity, n: sql<number>`count(*)::int` })
    .from(records)
    .groupBy(records.facilityId, records.entity);
  const refused = await db
    .select({ facilityId: rejections.facilityId, n: sql<number>`count(*)::int` })
    .from(rejections)
    .groupBy(rejections.facilityId);
  return rows.map((f) => ({
    id: f.id,
    code: f.code,
    name: f.name,
    district: f.district,
    status: f.revokedAt ? 'revoked' : f.enrolledAt ? 'enrolled' : 'awaiting enrolment',
    enrolledAt: f.enrolledAt,
    lastPushAt: f.lastPushAt,
    records: Object.fromEntries(held.filter((h) => h.facilityId === f.id).map((h) => [h.entity, h.n])),
    rejected: refused.find((r) => r.facilityId === f.id)?.n ?? 0,
  }));
}
