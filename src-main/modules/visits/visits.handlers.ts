import type { HandlerSlice } from '../../core/handler';
import { actorOf } from '../../records';
import { appointmentList } from './appointments';
import { createVisit, getVisit, updateVisit, voidVisit } from './visits.service';

export const visitHandlers: HandlerSlice<
  'visits.create' | 'visits.get' | 'visits.update' | 'visits.void' | 'visits.appointments'
> = {
  'visits.create': (input, ctx) => createVisit(ctx.database(), actorOf(ctx), input, ctx.now),
  'visits.get': (input, ctx) => getVisit(ctx.database(), input.id),
  'visits.update': (input, ctx) => updateVisit(ctx.database(), actorOf(ctx), input, ctx.now),
  'visits.void': (input, ctx) => voidVisit(ctx.database(), actorOf(ctx), input, ctx.now),
  'visits.appointments': (input, ctx) => appointmentList(ctx.database(), input, ctx.now),
};
