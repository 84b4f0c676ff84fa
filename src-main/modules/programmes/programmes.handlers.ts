import type { HandlerSlice } from '../../core/handler';
import { actorOf } from '../../records';
import { patientEnrolments } from './programmes.repo';
import { createProgramme, deactivateProgramme, enrol, listProgrammes, unenrol } from './programmes.service';

export const programmeHandlers: HandlerSlice<
  | 'programmes.list'
  | 'programmes.create'
  | 'programmes.deactivate'
  | 'programmes.enrol'
  | 'programmes.unenrol'
  | 'programmes.patientEnrolments'
> = {
  'programmes.list': (input, ctx) => ({
    programmes: listProgrammes(ctx.database(), input.includeInactive, ctx.now),
  }),
  'programmes.create': (input, ctx) => createProgramme(ctx.database(), actorOf(ctx), input, ctx.now),
  'programmes.deactivate': (input, ctx) => deactivateProgramme(ctx.database(), actorOf(ctx), input, ctx.now),
  'programmes.enrol': (input, ctx) => enrol(ctx.database(), actorOf(ctx), input, ctx.now),
  'programmes.unenrol': (input, ctx) => unenrol(ctx.database(), actorOf(ctx), input, ctx.now),
  'programmes.patientEnrolments': (input, ctx) => ({
    enrolments: patientEnrolments(ctx.database(), input.patientId),
  }),
};
