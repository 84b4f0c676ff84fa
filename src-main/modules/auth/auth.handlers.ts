import type { HandlerSlice } from '../../core/handler';
import { checkPassword, type PasswordContext } from '../../security/passwords';
import { sessionInfo } from '../../security/session';
import {
  changeOwnPassword,
  clearOwnPin,
  confirmPassword,
  replaceRecoveryCode,
  setOwnPin,
} from './account.service';
import { login, logout, recoverWithCode } from './auth.service';
import { passwordContext } from './credentials';
import { lockSession, touchSession, unlockSession } from './lock.service';

type AuthChannels =
  | 'auth.login'
  | 'auth.logout'
  | 'auth.changePassword'
  | 'auth.confirmPassword'
  | 'auth.passwordStrength'
  | 'auth.recover'
  | 'auth.setPin'
  | 'auth.clearPin'
  | 'auth.newRecoveryCode'
  | 'session.lock'
  | 'session.unlock'
  | 'session.touch';

export const authHandlers: HandlerSlice<AuthChannels> = {
  'auth.login': async (input, ctx) =>
    sessionInfo(await login(ctx.state, ctx.connectionId, input.username, input.password)),
  'auth.logout': (_input, ctx) => {
    logout(ctx.state, ctx.connectionId, ctx.user());
    return {};
  },
  'auth.changePassword': async (input, ctx) =>
    sessionInfo(await changeOwnPassword(ctx.state, ctx.user(), input)),
  'auth.confirmPassword': async (input, ctx) => ({
    validUntil: await confirmPassword(ctx.state, ctx.user(), input.password),
  }),
  'auth.passwordStrength': (input, ctx) => {
    // Before sign-in only the caller's own words count: the stored facility name and code would make the
    // meter an oracle for guessing them (a "too close to the facility name" answer confirms a guess).
    const person = {
      username: input.username ?? ctx.session?.username,
      fullName: input.fullName ?? ctx.session?.fullName,
    };
    const context: PasswordContext = ctx.session ? passwordContext(ctx.state, person) : person;
    return checkPassword(input.password, {
      ...context,
      facilityName: input.facilityName ?? context.facilityName,
    });
  },
  'auth.recover': async (input, ctx) =>
    sessionInfo(await recoverWithCode(ctx.state, ctx.connectionId, input)),
  'auth.setPin': async (input, ctx) => sessionInfo(await setOwnPin(ctx.state, ctx.user(), input)),
  'auth.clearPin': (_input, ctx) => sessionInfo(clearOwnPin(ctx.state, ctx.user())),
  'auth.newRecoveryCode': (_input, ctx) => ({ recoveryCode: replaceRecoveryCode(ctx.state, ctx.user()) }),
  'session.lock': (_input, ctx) => sessionInfo(lockSession(ctx.state, ctx.connectionId, ctx.user())),
  'session.unlock': async (input, ctx) =>
    sessionInfo(await unlockSession(ctx.state, ctx.connectionId, ctx.user(), input)),
  'session.touch': (_input, ctx) => touchSession(ctx.state, ctx.user()),
};
