// Patient documents: scanned letters, lab slips, consent forms and photos attached to a patient or
// a visit. The bytes are stored in the encrypted database only; every write goes through the record kernel and
// only the metadata row travels in the outbox.
import { and, desc, eq } from 'drizzle-orm';
import { localDate } from '../../../shared/clinical';
import { AppError, type FieldError } from '../../../shared/contract';
import { DOCUMENT_MESSAGES } from '../../../shared/contract/channels/document-messages';
import type { DocumentListItem, DocumentRecord } from '../../../shared/contract/channels/documents';
import type { TimelineItem } from '../../../shared/contract/channels/patients';
import { invalid } from '../../../shared/contract/validation';
import { uuidv7 } from '../../../shared/ids';
import type { OpenDatabase } from '../../core/state';
import type { Sqlite } from '../../db/open';
import { documentContents, documents, documentThumbnails, visits } from '../../db/schema';
import { enqueueStored } from '../../sync/outbox';
import { requireActivePatient, requirePatient } from '../patients/patients.repo';
import { readSettings } from '../settings/settings.service';
import {
  assertCanCorrect,
  assertVersion,
  firstVersion,
  stmt,
  writeFirstVersion,
  writeNextVersion,
  writeVoided,
  type Actor,
  type DomainRegistration,
  type RecordStore,
} from '../../records';
import { prepareFile } from './documents.files';

type Row = typeof documents.$inferSelect;

/**
 * What follows every write of a document, in one place: the outbox row is the metadata row as stored
 * (`documents` holds no bytes; the file and its preview live in their own tables and never travel here).
 */
function afterDocumentWrite(sqlite: Sqlite, row: Row, at: string): void {
  enqueueStored(sqlite, 'document', 'documents', row.id, at);
}

const documentStore: RecordStore<Row> = {
  entity: 'document',
  insert: (db, row) => db.insert(documents).values(row).run(),
  update: (db, row) => db.update(documents).set(row).where(eq(documents.id, row.id)).run(),
  afterWrite: afterDocumentWrite,
  patientOf: (row) => row.patientId,
};

function notFound(): never {
  throw new AppError('NOT_FOUND', DOCUMENT_MESSAGES.notFound, [
    { path: 'id', message: 'is not a known document' },
  ]);
}

const toRecord = (row: Row): DocumentRecord => ({ ...row });

export interface AttachInput {
  patientId: string;
  visitId: string | null;
  title: string;
  category: Row['category'];
  documentDate: string;
  /** The file as base64, as both transports carry it. */
  content: string;
}

/** Checks and prepares the file (outside any transaction: it is async), then stores it in one transaction. */
export async function attachDocument(
  open: OpenDatabase,
  actor: Actor,
  input: AttachInput,
  now: Date,
): Promise<DocumentRecord> {
  checkTarget(open, input, now);
  const limit = readSettings(open.db).documentMaxMegabytes;
  const file = await prepareFile(Buffer.from(input.content, 'base64'), limit);
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    // Checked again: the patient or visit may have been voided while the image was being prepared.
    checkTarget(open, input, now);
    const row: Row = {
      id: uuidv7(now.getTime()),
      patientId: input.patientId,
      visitId: input.visitId,
      title: input.title,
      category: input.category,
      documentDate: input.documentDate,
      mimeType: file.mimeType,
      sizeBytes: file.bytes.length,
      widthPx: file.widthPx,
      heightPx: file.heightPx,
      sha256: file.sha256,
      ...firstVersion(actor, at),
    };
    writeFirstVersion(
      open,
      actor,
      at,
      {
        ...documentStore,
        insert: (db, r) => {
          documentStore.insert(db, r);
          db.insert(documentContents).values({ documentId: r.id, bytes: file.bytes }).run();
          if (file.thumbnail)
            db.insert(documentThumbnails).values({ documentId: r.id, bytes: file.thumbnail }).run();
        },
      },
      row,
      'document.attach',
    );
    return toRecord(row);
  })();
}

function checkTarget(open: OpenDatabase, input: AttachInput, now: Date): void {
  const patient = requireActivePatient(open.db, input.patientId);
  const fields: FieldError[] = [];
  if (input.documentDate > localDate(now)) fields.push({ path: 'documentDate', message: 'is in the future' });
  if (input.documentDate < patient.birthDate)
    fields.push({ path: 'documentDate', message: "is before the patient's date of birth" });
  if (input.visitId) {
    const visit = open.db.select().from(visits).where(eq(visits.id, input.visitId)).get();
    if (!visit || visit.voided || visit.patientId !== patient.id) {
      fields.push({ path: 'visitId', message: 'is not a visit of this patient' });
    }
  }
  if (fields.length > 0) invalid(fields);
}

/** The chart's list: metadata and previews, never the files (they may be megabytes each). */
export function listDocuments(open: OpenDatabase, patientId: string): { documents: DocumentListItem[] } {
  requirePatient(open.db, patientId, 'patientId');
  const rows = open.db
    .select({ doc: documents, thumb: documentThumbnails.bytes })
    .from(documents)
    .leftJoin(documentThumbnails, eq(documentThumbnails.documentId, documents.id))
    .where(eq(documents.patientId, patientId))
    .orderBy(desc(documents.documentDate), desc(documents.createdAt))
    .all();
  return {
    documents: rows.map(({ doc, thumb }) => ({
      ...toRecord(doc),
      thumbnail: thumb ? `data:image/jpeg;base64,${thumb.toString('base64')}` : null,
    })),
  };
}

export function openDocument(open: OpenDatabase, id: string): { document: DocumentRecord; content: string } {
  const found = open.db
    .select({ doc: documents, bytes: documentContents.bytes })
    .from(documents)
    .innerJoin(documentContents, eq(documentContents.documentId, documents.id))
    .where(eq(documents.id, id))
    .get();
  if (!found) notFound();
  return { document: toRecord(found.doc), content: found.bytes.toString('base64') };
}

export function voidDocument(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; reason: string },
  now: Date,
): DocumentRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = open.db.select().from(documents).where(eq(documents.id, input.id)).get();
    if (!before) notFound();
    if (before.voided) throw new AppError('CONFLICT', DOCUMENT_MESSAGES.voided);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect(before, actor, now);
    return toRecord(
      writeVoided(open, actor, at, documentStore, {
        before,
        reason: input.reason,
        auditAction: 'document.void',
      }),
    );
  })();
}

/** The documents domain as the kernel sees it: chart timeline, history kind, and rows that follow a merge. */
export const documentsDomain: DomainRegistration = {
  name: 'documents',
  historyEntities: ['document'],
  chart(open, patientId) {
    const lines = stmt(
      open.sqlite,
      `SELECT id, document_date, title, category, voided FROM documents WHERE patient_id = ?`,
    ).all(patientId) as {
      id: string;
      document_date: string;
      title: string;
      category: string;
      voided: number;
    }[];
    return {
      timeline: lines.map((d): TimelineItem => ({
        kind: 'document',
        id: d.id,
        date: d.document_date,
        title: d.title,
        category: d.category,
        voided: d.voided === 1,
      })),
    };
  },
  merge: {
    tables: ['documents'],
    move(open, actor, { fromId, intoId, reason, at }) {
      const rows = open.db
        .select()
        .from(documents)
        .where(and(eq(documents.patientId, fromId)))
        .all();
      for (const before of rows) {
        writeNextVersion(open, actor, at, documentStore, {
          before,
          set: { patientId: intoId },
          history: { action: 'moved', changes: [{ field: 'patientId', from: fromId, to: intoId }], reason },
        });
      }
      return { document: rows.length };
    },
  },
};
