import { z } from 'zod';
import { channel } from '../channel';
import { requiredText, role, roleSet, text } from './common';
import { usernameSchema } from './app';
import { passwordField } from './auth';

export const userSummary = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role,
  /** Every role of the account, the main one first. */
  roles: z.array(role),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  hasPin: z.boolean(),
  /** False after a master-key rotation or deactivation: the account needs a password reset to sign in. */
  hasKeySlot: z.boolean(),
  /** Deactivated accounts: backups in the backup folder that still open with the old password. */
  oldBackups: z.object({ count: z.number().int(), newestAt: z.string().nullable() }).optional(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserSummary = z.infer<typeof userSummary>;

const userId = z.string().min(1, { error: 'is required' }).max(64);
const withTemporary = z.object({ user: userSummary, temporaryPassword: z.string() });

export const usersChannels = {
  'users.list': channel({
    summary: 'Staff accounts of this facility, active first.',
    permission: 'users.manage',
    audit: 'none',
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    output: z.object({ users: z.array(userSummary) }),
  }),
  'users.create': channel({
    summary: 'Create a staff account with a temporary password that must be changed at first sign-in.',
    permission: 'users.manage',
    audit: 'none',
    input: z
      .object({
        username: usernameSchema,
        fullName: requiredText(120),
        role,
        /** More roles held at once (rights add up); `role` is the main one. */
        roles: roleSet.optional(),
        /** Left out: CareDesk makes one up and returns it once. */
        temporaryPassword: passwordField.optional(),
      })
      .strict(),
    output: withTemporary,
  }),
  'users.update': channel({
    summary: 'Edit a staff member’s full name (usernames never change: the audit trail refers to them).',
    permission: 'users.manage',
    audit: 'none',
    input: z
      .object({ id: userId, fullName: requiredText(120), version: z.number().int().positive() })
      .strict(),
    output: userSummary,
  }),
  'users.setRole': channel({
    summary: 'Change a staff member’s roles. Needs the admin’s password re-entered within 5 minutes.',
    permission: 'users.manage',
    audit: 'none',
    input: z.object({ id: userId, role, roles: roleSet.optional() }).strict(),
    output: userSummary,
  }),
  'users.deactivate': channel({
    summary: 'Deactivate an account (never deleted): its sessions end and its key slot is removed.',
    permission: 'users.manage',
    audit: 'none',
    input: z.object({ id: userId, reason: requiredText(200) }).strict(),
    output: userSummary,
  }),
  'users.reactivate': channel({
    summary: 'Reactivate an account with a new temporary password. Needs a fresh admin password.',
    permission: 'users.manage',
    audit: 'none',
    input: z.object({ id: userId, temporaryPassword: passwordField.optional() }).strict(),
    output: withTemporary,
  }),
  'users.resetPassword': channel({
    summary: 'Give a staff member a new temporary password (ends their sessions, clears their PIN).',
    permission: 'users.manage',
    audit: 'none',
    input: z
      .object({
        id: userId,
        temporaryPassword: passwordField.optional(),
        note: text(200).optional(),
        /** The old password may be known to someone: also rotate the master key and re-key the database. */
        suspectedLeak: z.boolean().optional(),
      })
      .strict(),
    output: withTemporary,
  }),
};
