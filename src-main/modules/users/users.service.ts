import { eq } from 'drizzle-orm';
import type { Role } from '../../../shared/contract';
import type { Db } from '../../db/open';
import { users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export function insertUser(
  db: Db,
  user: { id: string; username: string; fullName: string; role: Role; mustChangePassword?: boolean },
  byUserId: string | null,
  at: string,
): void {
  db.insert(users)
    .values({
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      mustChangePassword: user.mustChangePassword ?? false,
      createdAt: at,
      createdBy: byUserId,
      updatedAt: at,
      updatedBy: byUserId,
    })
    .run();
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}
