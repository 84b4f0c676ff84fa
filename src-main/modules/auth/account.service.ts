import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract';
import type { CoreState } from '../../core/state';
import { users } from '../../db/schema';
import { generateRecoveryCode } from '../../security/kdf';
import { hashPin, pinProblem } from '../../security/pin';
import { REAUTH_WINDOW_MS, type Session } from '../../security/session';
import { makePasswordSlot, makeRecoverySlot, withPasswordSlot, withRecoverySlot } from '../../security/vault';
import { randomBytes } from 'node:crypto';
import { auditBy } from '../audit/audit.service';
import { changeUser } from '../users/users.service';
import {
  assertAcceptablePassword,
  openDb,
  passwordContext,
  requireMasterKey,
  requireRecentPassword,
  verifyOwnPassword,
} from './credentials';

/** One's own password: only this user's key slot is re-wrapped; the database is never re-encrypted. */
export async function changeOwnPassword(
  state: CoreState,
  session: Session,
  input: { currentPassword: string; newPassword: string },
): Promise<Session> {
  const { sqlite, db } = openDb(state);
  const unlocked = await verifyOwnPassword(
    state,
    session,
    input.currentPassword,
    'currentPassword',
    'password.change.failed',
  );
  if (input.newPassword === input.currentPassword) {
    throw new AppError(
      'VALIDATION',
      'Please correct: newPassword: must be different from the current password',
      [{ path: 'newPassword', message: 'must be different from the current password' }],
    );
  }
  assertAcceptablePassword(input.newPassword, passwordContext(state, session), 'newPassword');
  const slot = await makePasswordSlot(
    state.readVault(),
    unlocked.masterKey,
    session.username,
    input.newPassword,
    state.kdf,
  );
  const at = state.now().toISOString();
  sqlite.transaction(() => {
    changeUser(db, session.userId, { mustChangePassword: false }, session.userId, at);
    auditBy(
      sqlite,
      session,
      {
        action: 'password.change',
        entity: 'user',
        entityId: session.userId,
        detail: session.mustChangePassword ? 'temporary password replaced' : null,
      },
      at,
    );
    state.writeVault(withPasswordSlot(state.readVault(), slot));
  })();
  state.sessions.updateAllFor(session.userId, { mustChangePassword: false });
  return session;
}

/** Step-up for sensitive admin actions: valid for 5 minutes on this session only. */
export async function confirmPassword(state: CoreState, session: Session, password: string): Promise<string> {
  await verifyOwnPassword(state, session, password, 'password', 'reauth.failed');
  session.reauthUntil = state.now().getTime() + REAUTH_WINDOW_MS;
  return new Date(session.reauthUntil).toISOString();
}

export async function setOwnPin(
  state: CoreState,
  session: Session,
  input: { pin: string; password: string },
): Promise<Session> {
  const { sqlite, db } = openDb(state);
  const problem = pinProblem(input.pin);
  if (problem)
    throw new AppError('VALIDATION', `Please correct: pin: ${problem}`, [{ path: 'pin', message: problem }]);
  await verifyOwnPassword(state, session, input.password, 'password', 'pin.set.failed');
  const pinHash = await hashPin(input.pin);
  const at = state.now().toISOString();
  sqlite.transaction(() => {
    changeUser(db, session.userId, { pinHash }, session.userId, at);
    auditBy(sqlite, session, { action: 'pin.set', entity: 'user', entityId: session.userId }, at);
  })();
  state.sessions.updateAllFor(session.userId, { hasPin: true });
  return session;
}

export function clearOwnPin(state: CoreState, session: Session): Session {
  const { sqlite, db } = openDb(state);
  const at = state.now().toISOString();
  sqlite.transaction(() => {
    const row = db.select({ pinHash: users.pinHash }).from(users).where(eq(users.id, session.userId)).get();
    if (!row?.pinHash) return;
    changeUser(db, session.userId, { pinHash: null }, session.userId, at);
    auditBy(sqlite, session, { action: 'pin.clear', entity: 'user', entityId: session.userId }, at);
  })();
  state.sessions.updateAllFor(session.userId, { hasPin: false });
  return session;
}

/** A new recovery code replaces the old one (lost sheet, or someone saw it). Shown once. */
export function replaceRecoveryCode(state: CoreState, session: Session): string {
  requireRecentPassword(state, session);
  const { sqlite } = openDb(state);
  const code = generateRecoveryCode(randomBytes);
  const slot = makeRecoverySlot(requireMasterKey(state), code);
  const at = state.now().toISOString();
  sqlite.transaction(() => {
    auditBy(sqlite, session, { action: 'recovery.replace', detail: 'old recovery code retired' }, at);
    state.writeVault(withRecoverySlot(state.readVault(), slot));
  })();
  return code;
}
