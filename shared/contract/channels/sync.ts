import { z } from 'zod';
import { channel } from '../channel';
import { empty } from './common';

/**
 * Why the last push failed, as a kind the screen words in the user's language (never shown as is):
 * unreachable (network, timeout, server busy), refused (credential revoked or not accepted), notEnrolled,
 * other (the server's own message is in `lastErrorDetail` for the admin).
 */
export const syncErrorKind = z.enum(['unreachable', 'refused', 'notEnrolled', 'other']);

export const syncRejected = z.object({
  changeId: z.string(),
  entity: z.string(),
  entityId: z.string(),
  version: z.number().int(),
  reason: z.string().nullable(),
  at: z.string().nullable(),
});

export const syncStatusOutput = z.object({
  enrolled: z.boolean(),
  /** Shown to administrators only (null for other roles). */
  serverUrl: z.string().nullable(),
  credentialStore: z.enum(['keychain', 'database']).nullable(),
  lastPushAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  waiting: z.number().int(),
  rejectedCount: z.number().int(),
  /** The set-aside changes with the server's reasons: administrators only (empty for other roles). */
  rejected: z.array(syncRejected),
  errorKind: syncErrorKind.nullable(),
  lastErrorDetail: z.string().nullable(),
  /** A push is running now. */
  pushing: z.boolean(),
});

const serverUrl = z
  .string()
  .trim()
  .min(1, { error: 'is required' })
  .max(500)
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
    error: 'must be a web address such as https://district.example.org',
  });

export const syncChannels = {
  'sync.status': channel({
    summary: 'Sync at a glance: last successful push, changes waiting, changes set aside, last error.',
    permission: 'session',
    audit: 'none',
    input: empty,
    output: syncStatusOutput,
  }),
  'sync.enrol': channel({
    summary: 'Enrol this facility with a central server (address + one-time code); keeps the credential.',
    permission: 'sync.manage',
    audit: 'none',
    input: z
      .object({
        serverUrl,
        code: z.string().trim().min(6, { error: 'must be at least 6 characters' }).max(100),
      })
      .strict(),
    output: z.object({
      facilityCode: z.string(),
      facilityName: z.string(),
      credentialStore: z.enum(['keychain', 'database']),
    }),
  }),
  'sync.pushNow': channel({
    summary: '"Sync now": push waiting changes and the audit anchor; joins a push already running.',
    permission: 'session',
    audit: 'none',
    input: empty,
    output: z.object({
      accepted: z.number().int(),
      rejected: z.number().int(),
      waiting: z.number().int(),
      errorKind: syncErrorKind.nullable(),
    }),
  }),
  'sync.retryRejected': channel({
    summary: 'Put the changes the server set aside back in the queue (all, or the ones named).',
    permission: 'sync.manage',
    audit: 'none',
    input: z.object({ changeIds: z.array(z.string().max(40)).max(500).optional() }).strict(),
    output: z.object({ requeued: z.number().int() }),
  }),
};
