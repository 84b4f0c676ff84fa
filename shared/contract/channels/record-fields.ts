import { z } from 'zod';
import { calendarDate, text } from './common';

/**
 * Field types shared by the patient, visit, referral, directory and import channels. Text is normalised the
 * same way everywhere, so what is stored is exactly what the contract accepted: NFC, invisible formatting
 * characters (zero-width spaces, direction overrides, BOM, soft hyphen) removed, whitespace tidied. Those
 * characters arrive with copy-pasted phone numbers and names and would otherwise break search and duplicate
 * detection (or hide text with a right-to-left override). Zero-width joiners stay: some scripts need them.
 */
const INVISIBLE = /[\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Anything this long is not typed by a person: refuse before doing any work on it. */
const rawLimit = (max: number) =>
  z.string().max(max * 4 + 16, { error: `must be at most ${max} characters` });

export function cleanLine(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export function cleanNote(s: string): string {
  return s
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** One line of text (names, village, reason …); optional ones default to ''. */
export const line = (max: number) => rawLimit(max).transform(cleanLine).pipe(text(max));
export const requiredLine = (max: number) => line(max).pipe(z.string().min(1, { error: 'is required' }));
export const optionalLine = (max: number) => line(max).default('');

/** Several lines (notes, complaints, treatment); optional, defaults to ''. */
export const note = (max: number) => noteText(max).default('');
/** Several lines, left undefined when not given (e.g. an update that does not touch the field). */
export const noteText = (max: number) => rawLimit(max).transform(cleanNote).pipe(text(max));

/** A phone number as people write it: digits with spaces, +, -, (, ), dots; 6 to 15 digits. '' when none. */
export const phone = line(32)
  .pipe(
    z.string().refine((s) => s === '' || (/^[+0-9 ()./-]+$/.test(s) && /^\D*(\d\D*){6,15}$/.test(s)), {
      error: 'must be a phone number: 6 to 15 digits (spaces, +, -, brackets allowed)',
    }),
  )
  .default('');

/** A calendar date 'YYYY-MM-DD' (no time, no time zone). */
export const eventDate = calendarDate;

/** A record's version as the user last saw it: a stale one is refused instead of overwriting a colleague. */
export const expectedVersion = z.number().int().min(1);

/** Why a record is voided: required, shown in the history. */
export const voidReason = requiredLine(300).pipe(
  z.string().min(3, { error: 'must be at least 3 characters' }),
);

/** The who/when/version columns every record carries (DESIGN.md §3). */
export const recordMeta = {
  version: z.number().int(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
};

/** One changed field in a version history entry. */
export const fieldChange = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});

export const historyEntry = z.object({
  version: z.number().int(),
  action: z.enum(['update', 'void', 'merge', 'merged-into', 'moved', 'recomputed']),
  changes: z.array(fieldChange),
  reason: z.string().nullable(),
  at: z.string(),
  by: z.string().nullable(),
  byName: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const id = z.string().trim().min(1, { error: 'is required' }).max(64);
