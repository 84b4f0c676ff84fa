import type { HandlerSlice } from '../../core/handler';
import { actorOf } from '../../records';
import { admit, assessAdmission } from './cmam.admission';
import { cmamDashboard } from './cmam.dashboard';
import { correctExit, moveEpisode, recordExit, voidCmamRecord } from './cmam.exits';
import { episodeDetail, recordFollowup } from './cmam.followup';
import { caseload, defaulters } from './cmam.lists';
import { patientEpisodes } from './register';
import { readCmamSettings } from './cmam.repo';
import { updateCmamSettings } from './cmam.settings';
import { receiveStock, stockSummary } from './cmam.stock';

export const cmamHandlers: HandlerSlice<
  | 'cmam.assess'
  | 'cmam.admit'
  | 'cmam.episode'
  | 'cmam.patientEpisodes'
  | 'cmam.followup'
  | 'cmam.exit'
  | 'cmam.move'
  | 'cmam.correctExit'
  | 'cmam.void'
  | 'cmam.caseload'
  | 'cmam.defaulters'
  | 'cmam.dashboard'
  | 'cmam.stock'
  | 'cmam.stockReceive'
  | 'cmam.settings'
  | 'cmam.updateSettings'
> = {
  'cmam.assess': (input, ctx) => assessAdmission(ctx.database(), input, ctx.now),
  'cmam.admit': (input, ctx) => admit(ctx.database(), actorOf(ctx), input, ctx.now),
  'cmam.episode': (input, ctx) => episodeDetail(ctx.database(), input.episodeId, ctx.now),
  'cmam.patientEpisodes': (input, ctx) => ({ episodes: patientEpisodes(ctx.database(), input.patientId) }),
  'cmam.followup': (input, ctx) => recordFollowup(ctx.database(), actorOf(ctx), input, ctx.now),
  'cmam.exit': (input, ctx) => recordExit(ctx.database(), actorOf(ctx), input, ctx.now),
  'cmam.move': (input, ctx) => moveEpisode(ctx.database(), actorOf(ctx), input, ctx.now),
  'cmam.correctExit': (input, ctx) => correctExit(ctx.database(), actorOf(ctx), input, ctx.now),
  'cmam.void': (input, ctx) => voidCmamRecord(ctx.database(), actorOf(ctx), input, ctx.now),
  'cmam.caseload': (input, ctx) => ({ lines: caseload(ctx.database(), input.programme, ctx.now) }),
  'cmam.defaulters': (input, ctx) => defaulters(ctx.database(), input.programme, ctx.now),
  'cmam.dashboard': (input, ctx) => cmamDashboard(ctx.database(), input, ctx.now),
  'cmam.stock': (input, ctx) => stockSummary(ctx.database(), input.limit),
  'cmam.stockReceive': (input, ctx) => receiveStock(ctx.database(), actorOf(ctx), input, ctx.now),
  'cmam.settings': (_input, ctx) => readCmamSettings(ctx.database()),
  'cmam.updateSettings': (input, ctx) => updateCmamSettings(ctx.database(), actorOf(ctx), input, ctx.now),
};
