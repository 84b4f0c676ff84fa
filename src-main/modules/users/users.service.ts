import { randomInt } from 'node:crypto';
import { and, eq, ne, or, sql } from 'drizzle-orm';
import { AppError, normalizeRoles, type Role } from '../../../shared/contract';
import type { UserSummary } from '../../../shared/contract/channels/users';
import type { Db } from '../../db/open';
import { users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export function insertUser(
  db: Db,
  user: {
    id: string;
    username: string;
    fullName: string;
    role: Role;
    roles?: readonly Role[] | undefined;
    mustChangePassword?: boolean;
  },
  byUserId: string | null,
  at: string,
): void {
  const roles = normalizeRoles([user.role, ...(user.roles ?? [])]);
  db.insert(users)
    .values({
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      roles: roles.join(','),
      mustChangePassword: user.mustChangePassword ?? false,
      createdAt: at,
      createdBy: byUserId,
      updatedAt: at,
      updatedBy: byUserId,
    })
    .run();
}

/** Every role of an account row, the main one first (a row from before multi-role accounts has one). */
export function rowRoles(row: Pick<UserRow, 'role' | 'roles'>): Role[] {
  return normalizeRoles([row.role, ...row.roles.split(',')]);
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function getUser(db: Db, id: string): UserRow {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row || row.voided) throw new AppError('NOT_FOUND', 'That staff account was not found.');
  return row;
}

/** Applies a change and bumps version/updated columns (every record carries them, DESIGN.md §3). */
export function changeUser(
  db: Db,
  id: string,
  change: Partial<
    Pick<UserRow, 'fullName' | 'role' | 'roles' | 'active' | 'mustChangePassword' | 'pinHash' | 'lastLoginAt'>
  >,
  byUserId: string | null,
  at: string,
): UserRow {
  db.update(users)
    .set({ ...change, updatedAt: at, updatedBy: byUserId, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .run();
  return getUser(db, id);
}

/** Refuses to leave the facility without an active administrator. */
export function assertOtherActiveAdmin(db: Db, exceptId: string, what: string): void {
  const others = db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        or(eq(users.role, 'admin'), sql`(',' || ${users.roles} || ',') LIKE '%,admin,%'`),
        eq(users.active, true),
        ne(users.id, exceptId),
      ),
    )
    .all();
  if (others.length === 0) {
    throw new AppError(
      'CONFLICT',
      `${what} would leave no active administrator. Make another person admin first.`,
    );
  }
}

export function listUserRows(db: Db): UserRow[] {
  return db
    .select()
    .from(users)
    .where(eq(users.voided, false))
    .all()
    .sort((a, b) => Number(b.active) - Number(a.active) || a.username.localeCompare(b.username));
}

export function summarize(row: UserRow, hasKeySlot: boolean): UserSummary {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    role: row.role,
    roles: rowRoles(row),
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    hasPin: row.pinHash !== null,
    hasKeySlot,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    version: row.version,
  };
}

const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no i, l, o, 0, 1: read aloud or from paper

/** A temporary password that is easy to read out and type: three groups of four (~59 bits). */
export function generateTemporaryPassword(): string {
  const group = () =>
    Array.from({ length: 4 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}
