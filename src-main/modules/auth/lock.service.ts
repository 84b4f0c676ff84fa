import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract';
import type { CoreState } from '../../core/state';
import { users } from '../../db/schema';
import { PIN_MAX_FAILURES, pinMatches } from '../../security/pin';
import type { Session } from '../../security/session';
import { unlockWithPassword } from '../../security/vault';
import { auditBy } from '../audit/audit.service';
import { openDb } from './credentials';

function audit(state: CoreState, session: Session, action: string, detail: string | null = null): void {
  auditBy(openDb(state).sqlite, session, { action, detail }, state.now().toISOString());
}

/** Lock on demand (button, Ctrl+L): the session stays, the screen needs this user's PIN or password. */
export function lockSession(state: CoreState, connectionId: string, session: Session): Session {
  if (!session.locked) {
    state.sessions.lock(connectionId);
    audit(state, session, 'session.lock', 'on demand');
    state.emit(connectionId, 'session.changed', { reason: 'locked' });
  }
  return session;
}

/**
 * Unlocks this connection's own session: the PIN (if set) or the password of the same user. Five wrong
 * answers end the session, so the next step is a full sign-in with the password.
 */
export async function unlockSession(
  state: CoreState,
  connectionId: string,
  session: Session,
  input: { pin?: string | undefined; password?: string | undefined },
): Promise<Session> {
  if (!session.locked) return session;
  const { db } = openDb(state);
  let ok: boolean;
  if (input.pin !== undefined) {
    const row = db.select({ pinHash: users.pinHash }).from(users).where(eq(users.id, session.userId)).get();
    if (!row?.pinHash) {
      throw new AppError('VALIDATION', 'Please correct: pin: no PIN is set for you; use your password', [
        { path: 'pin', message: 'no PIN is set for you; use your password' },
      ]);
    }
    ok = await pinMatches(row.pinHash, input.pin);
  } else {
    ok = (await unlockWithPassword(state.readVault(), session.username, input.password ?? '')) !== null;
  }
  // The session may have ended (expiry, deactivation) while the check ran.
  if (state.sessions.get(connectionId) !== session)
    throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
  const how = input.pin !== undefined ? 'pin' : 'password';
  if (ok) {
    state.sessions.unlock(connectionId);
    audit(state, session, 'session.unlock', how);
    state.emit(connectionId, 'session.changed', { reason: 'unlocked' });
    return session;
  }
  session.pinFailures += 1;
  audit(state, session, 'unlock.failed', `wrong ${how} (${session.pinFailures} of ${PIN_MAX_FAILURES})`);
  if (session.pinFailures >= PIN_MAX_FAILURES) {
    state.sessions.end(connectionId);
    audit(state, session, 'session.end', `${PIN_MAX_FAILURES} wrong unlock attempts`);
    state.emit(connectionId, 'session.changed', { reason: 'ended' });
    throw new AppError(
      'UNAUTHENTICATED',
      'Too many wrong attempts: the session was closed. Please sign in with your password.',
    );
  }
  const left = PIN_MAX_FAILURES - session.pinFailures;
  const field = how === 'pin' ? 'pin' : 'password';
  const message = `is not correct (${left} ${left === 1 ? 'try' : 'tries'} left)`;
  throw new AppError('VALIDATION', `Please correct: ${field}: ${message}`, [{ path: field, message }]);
}

export function touchSession(state: CoreState, session: Session) {
  const idleMs = state.sessions.idleMs;
  return {
    idleLockMinutes: Math.round(idleMs / 60_000),
    locksAt: idleMs > 0 ? new Date(session.lastActivityAt + idleMs).toISOString() : null,
  };
}
