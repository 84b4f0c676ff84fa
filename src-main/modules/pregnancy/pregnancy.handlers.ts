import type { HandlerSlice } from '../../core/handler';
import { actorOf, historyOf } from '../../records';
import { correctContact, recordContact, referDangerSigns, voidContact } from './contacts.service';
import { pregnanciesOf, pregnancyDetailOf } from './detail';
import { dueList, missedList, postnatalDueList } from './lists';
import { recordOutcome } from './outcome.service';
import { recordPostnatal } from './postnatal.service';
import { registerPregnancy, saveBirthPlan, voidPregnancy } from './pregnancy.service';

export const pregnancyHandlers: HandlerSlice<
  | 'pregnancy.register'
  | 'pregnancy.get'
  | 'pregnancy.ofPatient'
  | 'pregnancy.recordContact'
  | 'pregnancy.voidContact'
  | 'pregnancy.correctContact'
  | 'pregnancy.referDangerSigns'
  | 'pregnancy.saveBirthPlan'
  | 'pregnancy.recordOutcome'
  | 'pregnancy.void'
  | 'pregnancy.recordPostnatal'
  | 'pregnancy.dueList'
  | 'pregnancy.missedList'
  | 'pregnancy.postnatalDue'
  | 'pregnancy.history'
> = {
  'pregnancy.register': (input, ctx) => registerPregnancy(ctx.database(), actorOf(ctx), input, ctx.now),
  'pregnancy.get': (input, ctx) => pregnancyDetailOf(ctx.database(), input.id, ctx.now),
  'pregnancy.ofPatient': (input, ctx) => ({ pregnancies: pregnanciesOf(ctx.database(), input.patientId) }),
  'pregnancy.recordContact': (input, ctx) => recordContact(ctx.database(), actorOf(ctx), input, ctx.now),
  'pregnancy.voidContact': (input, ctx) => voidContact(ctx.database(), actorOf(ctx), input, ctx.now),
  'pregnancy.correctContact': (input, ctx) => correctContact(ctx.database(), actorOf(ctx), input, ctx.now),
  'pregnancy.referDangerSigns': (input, ctx) =>
    referDangerSigns(ctx.database(), actorOf(ctx), input, ctx.now),
  'pregnancy.saveBirthPlan': (input, ctx) => saveBirthPlan(ctx.database(), actorOf(ctx), input, ctx.now),
  'pregnancy.recordOutcome': (input, ctx) => recordOutcome(ctx.database(), actorOf(ctx), input, ctx.now),
  'pregnancy.void': (input, ctx) => voidPregnancy(ctx.database(), actorOf(ctx), input, ctx.now),
  'pregnancy.recordPostnatal': (input, ctx) => recordPostnatal(ctx.database(), actorOf(ctx), input, ctx.now),
  'pregnancy.dueList': (input, ctx) => dueList(ctx.database(), input, ctx.now),
  'pregnancy.missedList': (input, ctx) => missedList(ctx.database(), input, ctx.now),
  'pregnancy.postnatalDue': (input, ctx) => postnatalDueList(ctx.database(), input, ctx.now),
  'pregnancy.history': (input, ctx) => ({
    entries: historyOf(ctx.database().sqlite, input.entity, input.id),
  }),
};
