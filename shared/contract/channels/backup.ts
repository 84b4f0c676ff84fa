import { z } from 'zod';
import { channel } from '../channel';
import { empty } from './common';

/** What opens a backup's own key vault: a staff password valid when it was made, or the recovery code. */
export const backupCredentials = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('password'),
      username: z.string().trim().toLowerCase().min(1, { error: 'is required' }).max(64),
      password: z.string().min(1, { error: 'is required' }).max(128),
    })
    .strict(),
  z.object({ kind: z.literal('recovery'), recoveryCode: z.string().trim().min(20).max(80) }).strict(),
]);

const filePath = z.string().trim().min(1, { error: 'is required' }).max(1000);

export const backupInfo = z.object({
  file: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  facilityCode: z.string(),
  facilityName: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
});

export const restoreReport = z.object({
  restoredFrom: z.string(),
  backupCreatedAt: z.string(),
  schemaVersion: z.number().int(),
  /** Where the replaced database and vault were kept (null on a fresh data folder). */
  replacedKeptIn: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
});

export const backupChannels = {
  'backup.create': channel({
    summary: 'Encrypted backup now: one .cdbk file holding the database and its key vault.',
    permission: 'backup.manage',
    audit: 'none',
    input: z
      .object({
        folder: filePath.optional(),
        /** An exact file to write (CLI `--out`); must end in .cdbk. */
        file: filePath
          .refine((f) => f.toLowerCase().endsWith('.cdbk'), { error: 'must end in .cdbk' })
          .optional(),
      })
      .strict(),
    output: backupInfo,
  }),
  'backup.status': channel({
    summary: 'Backup folder, generations kept, last automatic backup and its result, and backups found.',
    permission: 'backup.manage',
    audit: 'none',
    input: empty,
    output: z.object({
      folder: z.string(),
      onDataDisk: z.boolean(),
      autoBackup: z.boolean(),
      keep: z.number().int(),
      lastBackupAt: z.string().nullable(),
      lastAutoError: z.string().nullable(),
      nextDueAt: z.string().nullable(),
      backups: z.array(backupInfo),
    }),
  }),
  'backup.restore': channel({
    summary: 'Replace the database with a backup (integrity and schema checked first; the old one is kept).',
    permission: 'backup.manage',
    audit: 'none',
    input: z.object({ file: filePath, credentials: backupCredentials }).strict(),
    output: restoreReport,
  }),
  'backup.restoreWithoutSignIn': channel({
    summary:
      'Restore a backup on a new PC or over a damaged database, opened with its password or recovery code.',
    permission: 'public',
    audit: 'none',
    input: z.object({ file: filePath, credentials: backupCredentials }).strict(),
    output: restoreReport,
  }),
  'database.rekey': channel({
    summary:
      'New database encryption key (backup first). Optionally also a new master key and recovery code.',
    permission: 'backup.manage',
    audit: 'none',
    input: z
      .object({
        password: z.string().min(1, { error: 'is required' }).max(128),
        /** Also retire every old password slot and the recovery code (e.g. a vault copy may have leaked). */
        rotateMasterKey: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      backupFile: z.string(),
      recoveryCode: z.string().nullable(),
      usersNeedingReset: z.array(z.string()),
    }),
  }),
};
