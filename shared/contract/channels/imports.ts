import { z } from 'zod';
import { channel } from '../channel';
import { duplicateCandidate } from './patients';

/** A CSV file as text; 5 MB is far more than any facility register (about 40,000 rows). */
const csvText = z.string().min(1, { error: 'is empty: choose a CSV file' }).max(5_000_000, {
  error: 'is too large (more than 5 MB): split it into smaller files',
});

export const importIssue = z.object({
  /** Line number as a spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  /** CSV column name, or '' for the whole row. */
  column: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importPreviewRow = z.object({
  row: z.number().int(),
  givenName: z.string(),
  familyName: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  birthDateEstimated: z.boolean(),
  village: z.string(),
  phone: z.string(),
  caregiverName: z.string(),
  ok: z.boolean(),
});

export const importDuplicate = z.object({
  row: z.number().int(),
  /** Another row of the same file that looks like the same person. */
  sameAsRow: z.number().int().nullable(),
  candidates: z.array(duplicateCandidate),
});
export type ImportDuplicate = z.infer<typeof importDuplicate>;

export const importChannels = {
  'imports.patientsTemplate': channel({
    summary: 'The CSV template for a bulk import of patients (header and one example row).',
    permission: 'patients.write',
    audit: 'none',
    input: z.object({}).strict(),
    output: z.object({ filename: z.string(), csv: z.string(), columns: z.array(z.string()) }),
  }),
  'imports.patientsPreview': channel({
    summary: 'Check a CSV of patients: errors by row and column, suspected duplicates. Saves nothing.',
    permission: 'patients.write',
    audit: 'read',
    readAudit: {
      action: 'patient.import-preview',
      detail: (_i, o) => `rows=${o.rowCount} errors=${o.errors.length}`,
      // The registered patients the preview showed as suspected duplicates (the file's rows are not yet anyone).
      shown: (_i, o) => o.duplicates.flatMap((d) => d.candidates.map((c) => c.patient.id)),
    },
    input: z.object({ csv: csvText }).strict(),
    output: z.object({
      /** Identifies this exact file: the commit must send it back, so what is saved is what was previewed. */
      fileHash: z.string(),
      rowCount: z.number().int(),
      validCount: z.number().int(),
      errors: z.array(importIssue),
      /** Errors beyond the first 500 are counted, not listed. */
      moreErrors: z.number().int(),
      duplicates: z.array(importDuplicate),
      /** The first 200 rows as they would be saved. */
      rows: z.array(importPreviewRow),
    }),
  }),
  'imports.patientsCommit': channel({
    summary: 'Save a previewed CSV of patients: every row or none.',
    permission: 'patients.write',
    audit: 'none',
    input: z
      .object({
        csv: csvText,
        fileHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be the fileHash of the preview' }),
        /** Required when the preview found suspected duplicates: register them anyway, or leave those rows out. */
        duplicates: z.enum(['import', 'skip']).optional(),
      })
      .strict(),
    output: z.object({
      imported: z.number().int(),
      skipped: z.number().int(),
      firstNumber: z.string().nullable(),
      lastNumber: z.string().nullable(),
    }),
  }),
};
