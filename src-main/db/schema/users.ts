import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../shared/contract/roles';
import { recordColumns } from './columns';

/** Staff accounts. Passwords live only as key slots in vault.json; the PIN as an argon2 hash. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    /** The main role (named first); `roles` holds every role, comma-separated, the main one first. */
    role: text('role', { enum: ROLES }).notNull(),
    roles: text('roles').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    pinHash: text('pin_hash'),
    lastLoginAt: text('last_login_at'),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('users_username_unique').on(t.username)],
);
