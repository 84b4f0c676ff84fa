import { z } from 'zod';
import { channel } from '../channel';
import { empty } from './common';
import { MAX_DOCUMENT_MEGABYTES } from './documents';

export const facilitySettings = z.object({
  /** Minutes without activity before the screen locks (issue 4: default 10). */
  idleLockMinutes: z.number().int(),
  /** Folder for the automatic daily backup (a USB drive is typical); null = the data folder's backups/. */
  backupFolder: z.string().nullable(),
  /** Automatic backups kept in that folder (older ones are removed). */
  backupKeep: z.number().int(),
  autoBackup: z.boolean(),
  /** Largest document (scan, photo) staff may attach, in MB (issue 22: default 10). */
  documentMaxMegabytes: z.number().int(),
});
export type FacilitySettings = z.infer<typeof facilitySettings>;

export const settingsChannels = {
  'settings.get': channel({
    summary: 'Facility settings: idle lock time and backup choices.',
    permission: 'session',
    audit: 'none',
    input: empty,
    output: facilitySettings,
  }),
  'settings.update': channel({
    summary: 'Change facility settings (audited with old and new values).',
    permission: 'settings.manage',
    audit: 'none',
    input: z
      .object({
        idleLockMinutes: z
          .number()
          .int({ error: 'must be a whole number of minutes' })
          .min(1, { error: 'must be at least 1 minute' })
          .max(120, { error: 'must be at most 120 minutes' })
          .optional(),
        backupFolder: z
          .string()
          .trim()
          .max(500)
          .refine((s) => s === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(s), {
            error: 'must be a full folder path (e.g. E:\\CareDesk backups)',
          })
          .nullable()
          .optional(),
        backupKeep: z
          .number()
          .int()
          .min(1, { error: 'must keep at least 1 backup' })
          .max(365, { error: 'must be at most 365' })
          .optional(),
        autoBackup: z.boolean().optional(),
        documentMaxMegabytes: z
          .number()
          .int({ error: 'must be a whole number of MB' })
          .min(1, { error: 'must be at least 1 MB' })
          .max(MAX_DOCUMENT_MEGABYTES, { error: `must be at most ${MAX_DOCUMENT_MEGABYTES} MB` })
          .optional(),
      })
      .strict(),
    output: facilitySettings,
  }),
};
