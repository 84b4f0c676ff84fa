import { z } from 'zod';
import { channel } from '../channel';
import { empty, sessionInfo } from './common';

/** A new password: length only here (NIST 800-63B); the core also refuses common and context-bound ones. */
export const passwordField = z
  .string()
  .min(10, { error: 'must be at least 10 characters' })
  .max(128, { error: 'must be at most 128 characters' });

export const pinField = z.string().regex(/^\d{4,6}$/, { error: 'must be 4 to 6 digits' });

export const passwordVerdict = z.object({
  acceptable: z.boolean(),
  /** 0–4, for the strength meter. */
  score: z.number().int().min(0).max(4),
  problems: z.array(z.enum(['tooShort', 'tooLong', 'common', 'context', 'weak'])),
  /** An English hint from the strength checker, or null. */
  hint: z.string().nullable(),
});
export type PasswordVerdictOut = z.infer<typeof passwordVerdict>;

const loginName = z.string().trim().toLowerCase().min(1, { error: 'is required' }).max(64);

export const authChannels = {
  'auth.login': channel({
    summary: 'Sign in with username and password; opens the database on the first sign-in after start.',
    permission: 'public',
    audit: 'none',
    input: z
      .object({ username: loginName, password: z.string().min(1, { error: 'is required' }).max(128) })
      .strict(),
    output: sessionInfo,
  }),
  'auth.logout': channel({
    summary: 'End this window’s session (also "switch user" from the lock screen).',
    permission: 'session',
    audit: 'none',
    input: empty,
    output: z.object({}),
  }),
  'auth.changePassword': channel({
    summary:
      'Change one’s own password (required after a temporary one); re-wraps only this user’s key slot.',
    permission: 'session',
    audit: 'none',
    input: z
      .object({
        currentPassword: z.string().min(1, { error: 'is required' }).max(128),
        newPassword: passwordField,
      })
      .strict(),
    output: sessionInfo,
  }),
  'auth.confirmPassword': channel({
    summary:
      'Re-enter one’s password before role changes, resets and other sensitive admin actions (5 minutes).',
    permission: 'session',
    audit: 'none',
    input: z.object({ password: z.string().min(1, { error: 'is required' }).max(128) }).strict(),
    output: z.object({ validUntil: z.string() }),
  }),
  'auth.passwordStrength': channel({
    summary: 'Strength meter for a new password, with the reasons a weak one would be refused.',
    permission: 'public',
    audit: 'none',
    input: z
      .object({
        password: z.string().max(256),
        username: z.string().max(64).optional(),
        fullName: z.string().max(120).optional(),
        facilityName: z.string().max(120).optional(),
      })
      .strict(),
    output: passwordVerdict,
  }),
  'auth.recover': channel({
    summary: 'With the printed recovery code: open the database and set a new password for an admin account.',
    permission: 'public',
    audit: 'none',
    input: z
      .object({
        recoveryCode: z.string().trim().min(20, { error: 'is too short for a recovery code' }).max(80),
        username: loginName,
        newPassword: passwordField,
      })
      .strict(),
    output: sessionInfo,
  }),
  'auth.setPin': channel({
    summary: 'Set (or change) one’s 4–6 digit PIN for unlocking this session after the idle lock.',
    permission: 'session',
    audit: 'none',
    input: z
      .object({ pin: pinField, password: z.string().min(1, { error: 'is required' }).max(128) })
      .strict(),
    output: sessionInfo,
  }),
  'auth.clearPin': channel({
    summary: 'Remove one’s PIN: the password is then needed to unlock.',
    permission: 'session',
    audit: 'none',
    input: empty,
    output: sessionInfo,
  }),
  'auth.newRecoveryCode': channel({
    summary: 'Replace the recovery code (the old one stops working); shown once. Needs a fresh password.',
    permission: 'users.manage',
    audit: 'none',
    input: empty,
    output: z.object({ recoveryCode: z.string() }),
  }),
};
