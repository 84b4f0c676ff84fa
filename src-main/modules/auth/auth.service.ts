import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract';
import { users } from '../../db/schema';
import type { CoreState } from '../../core/state';
import { unlockWithPassword } from '../../security/vault';
import type { Session } from '../../security/session';
import { appendAudit } from '../audit/audit.service';
import { findUserByUsername } from '../users/users.service';

/** One message for every wrong username/password pair: no user enumeration. */
export const BAD_CREDENTIALS = 'Username or password is incorrect.';

/**
 * Password sign-in. The password's key slot is the verifier: if it unwraps the database key the password is
 * right. The first sign-in after start opens (and, if needed, migrates) the database with that key.
 */
export async function login(
  state: CoreState,
  connectionId: string,
  username: string,
  password: string,
): Promise<Session> {
  if (!state.isInitialized()) throw new AppError('CONFLICT', 'CareDesk is not set up on this computer yet.');
  const key = await unlockWithPassword(state.readVault(), username, password);
  if (!key) {
    recordFailure(state, username);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  const { sqlite, db } = state.openWithKey(key);
  const user = findUserByUsername(db, username);
  if (!user || user.voided) {
    recordFailure(state, username);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  if (!user.active) {
    throw new AppError('FORBIDDEN', 'This account is deactivated. Ask your administrator.');
  }
  const at = state.now().toISOString();
  sqlite.transaction(() => {
    db.update(users).set({ lastLoginAt: at }).where(eq(users.id, user.id)).run();
    appendAudit(sqlite, { userId: user.id, role: user.role, action: 'login' }, at);
  })();
  return state.sessions.start(connectionId, {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  });
}

/** Audited when the database is open; before the first sign-in there is nowhere safe to write it. */
function recordFailure(state: CoreState, username: string): void {
  const open = state.database;
  state.logger.warn('login.failed');
  if (!open) return;
  const known = findUserByUsername(open.db, username);
  appendAudit(
    open.sqlite,
    {
      userId: known?.id ?? null,
      role: known?.role ?? null,
      action: 'login.failed',
      detail: known ? null : 'unknown user',
    },
    state.now().toISOString(),
  );
}

export function logout(state: CoreState, connectionId: string, session: Session): void {
  const open = state.database;
  if (open) {
    appendAudit(
      open.sqlite,
      { userId: session.userId, role: session.role, action: 'logout' },
      state.now().toISOString(),
    );
  }
  state.sessions.end(connectionId);
  state.emit(connectionId, 'session.changed', { reason: 'logout' });
}
