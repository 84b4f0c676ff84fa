import type { HandlerSlice } from '../../core/handler';
import { actorOf } from '../../records';
import { commitImport, previewImport, template } from './patients-import';

export const importHandlers: HandlerSlice<
  'imports.patientsTemplate' | 'imports.patientsPreview' | 'imports.patientsCommit'
> = {
  'imports.patientsTemplate': () => template(),
  'imports.patientsPreview': (input, ctx) => previewImport(ctx.database(), input.csv, ctx.now),
  'imports.patientsCommit': (input, ctx) => commitImport(ctx.database(), actorOf(ctx), input, ctx.now),
};
