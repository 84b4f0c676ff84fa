import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract';
import { seconds } from '../../security/throttle';
import { users } from '../../db/schema';
import type { CoreState } from '../../core/state';
import type { Session } from '../../security/session';
import { throttleTagForRecovery } from '../../security/throttle-tags';
import {
  makePasswordSlot,
  slotNeedsUpgrade,
  unlockWithPassword,
  unlockWithRecoveryCode,
  userTag,
  withPasswordSlot,
  type PasswordUnlock,
} from '../../security/vault';
import { appendAudit, auditBy } from '../audit/audit.service';
import { changeUser, findUserByUsername, rowRoles, type UserRow } from '../users/users.service';
import { assertAcceptablePassword, passwordContext } from './credentials';
import { countThenAudit } from './failures';

/** One message for every wrong username/password pair: no user enumeration. */
export const BAD_CREDENTIALS = 'Username or password is incorrect.';
export const BAD_RECOVERY = 'The recovery code or the admin username is not correct.';

function tooMany(waitSeconds: number): AppError {
  return new AppError(
    'RATE_LIMITED',
    `Too many failed attempts for this account. Try again in ${seconds(waitSeconds)}.`,
  );
}

/**
 * A failed attempt: counted in the per-account throttle, and audited now if the database is open, or as
 * soon as it opens (the throttle file keeps it until then, naming the account only by its tag).
 */
function recordFailure(
  state: CoreState,
  tag: string,
  username: string,
  reason: 'wrong' | 'throttled',
  action = 'login.failed',
): void {
  state.logger.warn(action, { reason });
  countThenAudit(state, tag, { reason, action }, (open) => {
    const known = findUserByUsername(open.db, username);
    return {
      userId: known?.id ?? null,
      role: known?.role ?? null,
      action,
      detail:
        [known ? null : 'unknown username', reason === 'throttled' ? 'refused: too many failures' : null]
          .filter(Boolean)
          .join('; ') || null,
    };
  });
}

function startSession(state: CoreState, connectionId: string, user: UserRow): Session {
  return state.sessions.start(connectionId, {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    roles: rowRoles(user),
    mustChangePassword: user.mustChangePassword,
    hasPin: user.pinHash !== null,
  });
}

/** Slots made with cheaper KDF parameters than today's are re-wrapped while the password is at hand. */
async function upgradeSlot(
  state: CoreState,
  username: string,
  password: string,
  unlocked: PasswordUnlock,
): Promise<void> {
  if (!slotNeedsUpgrade(unlocked.slot, state.kdf)) return;
  const slot = await makePasswordSlot(state.readVault(), unlocked.masterKey, username, password, state.kdf);
  state.writeVault(withPasswordSlot(state.readVault(), slot));
}

/**
 * Password sign-in. The password's key slot is the verifier: if it unwraps the vault master key the password
 * is right. The first sign-in after start opens (and, if needed, migrates) the database.
 */
export async function login(
  state: CoreState,
  connectionId: string,
  username: string,
  password: string,
): Promise<Session> {
  if (!state.isInitialized()) throw new AppError('CONFLICT', 'CareDesk is not set up on this computer yet.');
  const vault = state.readVault();
  const tag = userTag(vault, username);
  const gate = state.throttle.check(tag);
  if (!gate.allowed) {
    recordFailure(state, tag, username, 'throttled');
    throw tooMany(gate.waitSeconds);
  }
  const unlocked = await unlockWithPassword(vault, username, password);
  if (!unlocked) {
    recordFailure(state, tag, username, 'wrong');
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  const { sqlite, db } = state.unlock(unlocked.masterKey);
  const user = findUserByUsername(db, username);
  if (!user || user.voided || !user.active) {
    recordFailure(state, tag, username, 'wrong');
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  state.throttle.succeed(tag);
  await upgradeSlot(state, username, password, unlocked);
  const at = state.now().toISOString();
  sqlite.transaction(() => {
    // Not a change of the account: version stays, so an admin's open edit does not conflict with a sign-in.
    db.update(users).set({ lastLoginAt: at }).where(eq(users.id, user.id)).run();
    appendAudit(sqlite, { userId: user.id, role: rowRoles(user).join('+'), action: 'login' }, at);
  })();
  return startSession(state, connectionId, { ...user, lastLoginAt: at });
}

export function logout(state: CoreState, connectionId: string, session: Session): void {
  const open = state.database;
  if (open) {
    auditBy(
      open.sqlite,
      session,
      { action: 'logout', detail: session.locked ? 'from the lock screen (switch user)' : null },
      state.now().toISOString(),
    );
  }
  state.sessions.end(connectionId);
  state.emit(connectionId, 'session.changed', { reason: 'logout' });
}

/**
 * Recovery code: opens the database and sets a new password for an admin account (reactivated if needed).
 * The code has ≥ 128 bits, but attempts are still throttled and audited like sign-ins.
 */
export async function recoverWithCode(
  state: CoreState,
  connectionId: string,
  input: { recoveryCode: string; username: string; newPassword: string },
): Promise<Session> {
  if (!state.isInitialized()) throw new AppError('CONFLICT', 'CareDesk is not set up on this computer yet.');
  const tag = throttleTagForRecovery();
  const gate = state.throttle.check(tag);
  if (!gate.allowed) {
    recordFailure(state, tag, input.username, 'throttled', 'recovery.failed');
    throw tooMany(gate.waitSeconds);
  }
  const masterKey = unlockWithRecoveryCode(state.readVault(), input.recoveryCode);
  if (!masterKey) {
    recordFailure(state, tag, input.username, 'wrong', 'recovery.failed');
    throw new AppError('UNAUTHENTICATED', BAD_RECOVERY);
  }
  const { sqlite, db } = state.unlock(masterKey);
  const user = findUserByUsername(db, input.username);
  if (!user || user.voided || !rowRoles(user).includes('admin')) {
    recordFailure(state, tag, input.username, 'wrong', 'recovery.failed');
    throw new AppError('UNAUTHENTICATED', BAD_RECOVERY);
  }
  state.throttle.succeed(tag);
  assertAcceptablePassword(input.newPassword, passwordContext(state, user), 'newPassword');
  const slot = await makePasswordSlot(
    state.readVault(),
    masterKey,
    user.username,
    input.newPassword,
    state.kdf,
  );
  const at = state.now().toISOString();
  const row = sqlite.transaction(() => {
    const after = changeUser(
      db,
      user.id,
      { active: true, mustChangePassword: false, pinHash: null, lastLoginAt: at },
      user.id,
      at,
    );
    appendAudit(
      sqlite,
      {
        userId: user.id,
        role: user.role,
        action: 'recovery.used',
        entity: 'user',
        entityId: user.id,
        detail: 'new admin password set with the recovery code',
      },
      at,
    );
    state.writeVault(withPasswordSlot(state.readVault(), slot));
    return after;
  })();
  for (const ended of state.sessions.endAllFor(user.id))
    state.emit(ended, 'session.changed', { reason: 'ended' });
  return startSession(state, connectionId, row);
}
