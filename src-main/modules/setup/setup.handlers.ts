import type { HandlerSlice } from '../../core/handler';
import { schemaVersionOf } from '../../db/migrate';
import { sessionInfo } from '../../security/session';
import { login } from '../auth/auth.service';
import { initializeFacility } from './setup.service';

export const setupHandlers: HandlerSlice<'app.status' | 'setup.initialize'> = {
  'app.status': (_input, ctx) => {
    const open = ctx.state.database;
    return {
      initialized: ctx.state.isInitialized(),
      session: ctx.session ? sessionInfo(ctx.session) : null,
      appVersion: ctx.state.appVersion,
      schemaVersion: open ? schemaVersionOf(open.sqlite) : null,
    };
  },
  'setup.initialize': async (input, ctx) => {
    const { recoveryCode } = await initializeFacility(ctx.state, input);
    const session = await login(ctx.state, ctx.connectionId, input.admin.username, input.admin.password);
    return { recoveryCode, session: sessionInfo(session) };
  },
};
