import type { HandlerSlice } from '../../core/handler';
import { actorOf } from '../../records';
import { attachDocument, listDocuments, openDocument, voidDocument } from './documents.service';

export const documentHandlers: HandlerSlice<
  'documents.attach' | 'documents.list' | 'documents.open' | 'documents.void'
> = {
  'documents.attach': (input, ctx) => attachDocument(ctx.database(), actorOf(ctx), input, ctx.now),
  'documents.list': (input, ctx) => listDocuments(ctx.database(), input.patientId),
  'documents.open': (input, ctx) => openDocument(ctx.database(), input.id),
  'documents.void': (input, ctx) => voidDocument(ctx.database(), actorOf(ctx), input, ctx.now),
};
