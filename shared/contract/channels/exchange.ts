import { z } from 'zod';
import { channel } from '../channel';
import { empty } from './common';

/** A file on this PC, as a save or open dialog gives it (or the CLI's --out / --file). */
const filePath = z.string().trim().min(1, { error: 'is required: choose a file' }).max(1000);

export const EXPORT_FORMATS = ['json', 'fhir'] as const;
export const RESEARCH_FORMATS = ['json', 'csv'] as const;

const written = z.object({
  file: z.string(),
  bytes: z.number().int(),
  rows: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});

export const exchangeChannels = {
  'exchange.export': channel({
    summary:
      'Write the whole facility to a file: CareDesk format (caredesk-export/1, for a new PC) or a FHIR R4 bundle.',
    permission: 'exchange.manage',
    audit: 'none',
    input: z.object({ format: z.enum(EXPORT_FORMATS), file: filePath }).strict(),
    output: written,
  }),
  'exchange.import': channel({
    summary:
      'Read a caredesk-export/1 file: checked whole first, then all of it or nothing; records already here are not duplicated.',
    permission: 'exchange.manage',
    audit: 'none',
    input: z
      .object({
        file: filePath,
        /** Combine another facility's records with this one's (refused otherwise when this one has patients). */
        otherFacility: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      facilityCode: z.string(),
      facilityName: z.string(),
      rebuilt: z.boolean(),
      added: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
    }),
  }),
  'exchange.research': channel({
    summary:
      'De-identified export for research: no names, phones, IDs, addresses, notes or birth dates; pseudonymous ids.',
    permission: 'exports.deidentified',
    audit: 'none',
    input: z
      .object({
        format: z.enum(RESEARCH_FORMATS),
        file: filePath,
        /** Only with a reusable key can two exports be joined; without one each export gets its own secret. */
        key: z
          .string()
          .regex(/^[0-9a-f]{64}$/, {
            error: 'must be a key given by an earlier export (64 letters 0–9, a–f)',
          })
          .optional(),
        reusableKey: z.boolean().default(false),
      })
      .strict(),
    output: written.extend({ key: z.string().nullable() }),
  }),
  'exchange.cancel': channel({
    summary: 'Stop the export or import this window started; nothing partial is kept.',
    permission: 'session',
    audit: 'none',
    input: empty,
    output: z.object({ requested: z.boolean() }),
  }),
};
