import { z } from 'zod';
import { channel } from '../channel';
import { calendarDate } from './common';
import { expectedVersion, id, recordMeta, requiredLine, voidReason } from './record-fields';

export const DOCUMENT_CATEGORIES = ['referral-letter', 'lab-result', 'consent', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
/** What may be attached, as recognised from the file's content (never from its name). */
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

/** The largest limit a facility may set; the contract refuses anything bigger before any work is done. */
export const MAX_DOCUMENT_MEGABYTES = 20;
export const DEFAULT_DOCUMENT_MEGABYTES = 10;
export const MEGABYTE = 1024 * 1024;
/** Photos are kept at most this many pixels on their long side. */
export const MAX_IMAGE_SIDE_PX = 2000;

/** base64 of at most MAX_DOCUMENT_MEGABYTES: both transports (IPC, the browser host's JSON) carry it as text. */
const MAX_BASE64_CHARS = Math.ceil((MAX_DOCUMENT_MEGABYTES * MEGABYTE) / 3) * 4;
export const fileContent = z
  .string({ error: 'must be the file content' })
  .max(MAX_BASE64_CHARS, { error: `must be at most ${MAX_DOCUMENT_MEGABYTES} MB` })
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), {
    error: 'must be the file content (base64)',
  });

export const documentRecord = z.object({
  id: z.string(),
  patientId: z.string(),
  visitId: z.string().nullable(),
  title: z.string(),
  category: z.enum(DOCUMENT_CATEGORIES),
  documentDate: z.string(),
  mimeType: z.enum(DOCUMENT_MIME_TYPES),
  sizeBytes: z.number().int(),
  widthPx: z.number().int().nullable(),
  heightPx: z.number().int().nullable(),
  sha256: z.string(),
  ...recordMeta,
});
export type DocumentRecord = z.infer<typeof documentRecord>;

/** One line of the chart's document list: metadata and, for images, a small JPEG preview (data URL). */
export const documentListItem = documentRecord.extend({ thumbnail: z.string().nullable() });
export type DocumentListItem = z.infer<typeof documentListItem>;

export const documentChannels = {
  'documents.attach': channel({
    summary: 'Attach a scanned document or photo (PDF, JPEG, PNG) to a patient or one of their visits.',
    permission: 'documents.write',
    audit: 'none',
    input: z
      .object({
        patientId: id,
        visitId: id.nullable().default(null),
        title: requiredLine(200),
        category: z.enum(DOCUMENT_CATEGORIES),
        documentDate: calendarDate,
        content: fileContent,
      })
      .strict(),
    output: documentRecord,
  }),
  'documents.list': channel({
    summary: "A patient's documents with previews (never the files themselves), newest first.",
    permission: 'documents.read',
    audit: 'read',
    readAudit: {
      action: 'document.list',
      target: (i) => ({ entity: 'patient', id: i.patientId, patientId: i.patientId }),
      detail: (_i, o) => `results=${o.documents.length}`,
    },
    input: z.object({ patientId: id }).strict(),
    output: z.object({ documents: z.array(documentListItem) }),
  }),
  'documents.open': channel({
    summary: 'Open one document: its file content (audited as a read of the patient).',
    permission: 'documents.read',
    audit: 'read',
    readAudit: {
      action: 'document.open',
      target: (_i, o) => ({ entity: 'document', id: o.document.id, patientId: o.document.patientId }),
    },
    input: z.object({ id }).strict(),
    output: z.object({ document: documentRecord, content: z.string() }),
  }),
  'documents.void': channel({
    summary: 'Void a document attached in error (wrong patient, unreadable), with a reason.',
    permission: 'documents.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, reason: voidReason }).strict(),
    output: documentRecord,
  }),
};
