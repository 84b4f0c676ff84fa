import type { HandlerSlice } from '../../core/handler';
import { sessionInfo } from '../../security/session';
import { login, logout } from './auth.service';

export const authHandlers: HandlerSlice<'auth.login' | 'auth.logout'> = {
  'auth.login': async (input, ctx) =>
    sessionInfo(await login(ctx.state, ctx.connectionId, input.username, input.password)),
  'auth.logout': (_input, ctx) => {
    logout(ctx.state, ctx.connectionId, ctx.user());
    return {};
  },
};
