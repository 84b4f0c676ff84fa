import type { HandlerSlice } from '../../core/handler';
import {
  createUser,
  deactivateUser,
  issueTemporaryPassword,
  listUsers,
  setRole,
  updateUser,
} from './accounts.service';

type UserChannels =
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.setRole'
  | 'users.deactivate'
  | 'users.reactivate'
  | 'users.resetPassword';

export const usersHandlers: HandlerSlice<UserChannels> = {
  'users.list': (input, ctx) => {
    const all = listUsers(ctx.state);
    return { users: input.includeInactive ? all : all.filter((u) => u.active) };
  },
  'users.create': (input, ctx) => createUser(ctx.state, ctx.user(), input),
  'users.update': (input, ctx) => updateUser(ctx.state, ctx.user(), input),
  'users.setRole': (input, ctx) => setRole(ctx.state, ctx.user(), input),
  'users.deactivate': (input, ctx) => deactivateUser(ctx.state, ctx.user(), input, ctx.connectionId),
  'users.reactivate': (input, ctx) => issueTemporaryPassword(ctx.state, ctx.user(), input, 'reactivate'),
  'users.resetPassword': (input, ctx) =>
    issueTemporaryPassword(ctx.state, ctx.user(), input, 'reset', ctx.connectionId),
};
