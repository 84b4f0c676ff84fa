import type { HandlerSlice } from '../../core/handler';
import { actorOf } from '../../records';
import { createFacility, listDirectory, updateFacility } from './directory.service';

export const directoryHandlers: HandlerSlice<'directory.list' | 'directory.create' | 'directory.update'> = {
  'directory.list': (input, ctx) => ({ facilities: listDirectory(ctx.database(), input) }),
  'directory.create': (input, ctx) => createFacility(ctx.database(), actorOf(ctx), input, ctx.now),
  'directory.update': (input, ctx) => updateFacility(ctx.database(), actorOf(ctx), input, ctx.now),
};
