import type { HandlerSlice } from '../../core/handler';
import { actorOf } from '../../records';
import { createReferral, listOpenReferrals, recordFeedback, voidReferral } from './referrals.service';

export const referralHandlers: HandlerSlice<
  'referrals.create' | 'referrals.recordFeedback' | 'referrals.void' | 'referrals.listOpen'
> = {
  'referrals.create': (input, ctx) => createReferral(ctx.database(), actorOf(ctx), input, ctx.now),
  'referrals.recordFeedback': (input, ctx) => recordFeedback(ctx.database(), actorOf(ctx), input, ctx.now),
  'referrals.void': (input, ctx) => voidReferral(ctx.database(), actorOf(ctx), input, ctx.now),
  'referrals.listOpen': (input, ctx) => listOpenReferrals(ctx.database(), input, ctx.now),
};
