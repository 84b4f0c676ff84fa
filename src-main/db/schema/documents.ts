import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DOCUMENT_CATEGORIES, DOCUMENT_MIME_TYPES } from '../../../shared/contract/channels/documents';
import { recordColumns } from './columns';
import { patients } from './patients';
import { visits } from './visits';

/**
 * A file attached to a patient (or one of their visits): metadata only. The bytes live in document_contents
 * and the small preview in document_thumbnails, so the chart and the outbox never touch a file's bytes.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visitId: text('visit_id').references(() => visits.id),
    title: text('title').notNull(),
    category: text('category', { enum: DOCUMENT_CATEGORIES }).notNull(),
    documentDate: text('document_date').notNull(),
    mimeType: text('mime_type', { enum: DOCUMENT_MIME_TYPES }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    widthPx: integer('width_px'),
    heightPx: integer('height_px'),
    /** SHA-256 of the stored bytes (hex): lets the server and an export check a copy without the bytes. */
    sha256: text('sha256').notNull(),
    ...recordColumns(),
  },
  (t) => [index('documents_patient').on(t.patientId, t.documentDate)],
);

/** The stored file (photos already downscaled and stripped of metadata). Inside the encrypted database only. */
export const documentContents = sqliteTable('document_contents', {
  documentId: text('document_id')
    .primaryKey()
    .references(() => documents.id),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
});

/** A small JPEG preview of an image document (PDFs have none), read by the chart's document list. */
export const documentThumbnails = sqliteTable('document_thumbnails', {
  documentId: text('document_id')
    .primaryKey()
    .references(() => documents.id),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
});
