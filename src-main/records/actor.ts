import type { CallContext } from '../core/handler';
import type { Actor } from './records';

/** The signed-in caller as the kernel records it (who wrote a row, which role the audit names). */
export function actorOf(ctx: CallContext): Actor {
  const user = ctx.user();
  return { userId: user.userId, role: user.role, roles: user.roles };
}
