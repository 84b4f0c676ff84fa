import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract';
import { seconds } from '../../security/throttle';
import type { CoreState, OpenDatabase } from '../../core/state';
import { facility } from '../../db/schema';
import { checkPassword, describePasswordProblems, type PasswordContext } from '../../security/passwords';
import { reauthValid, type Session } from '../../security/session';
import { unlockWithPassword, userTag, type PasswordUnlock } from '../../security/vault';
import { countThenAudit } from './failures';

/** Context words for the strength check: the facility's names are never a good password. */
export function passwordContext(
  state: CoreState,
  person: { username?: string; fullName?: string },
): PasswordContext {
  const open = state.database;
  const row = open?.db.select().from(facility).where(eq(facility.id, 1)).get();
  return { ...person, facilityName: row?.name, facilityCode: row?.code };
}

/** Throws a VALIDATION failure naming the field when the new password would be refused. */
export function assertAcceptablePassword(password: string, context: PasswordContext, field: string): void {
  const verdict = checkPassword(password, context);
  if (!verdict.acceptable) {
    const message = describePasswordProblems(verdict);
    throw new AppError('VALIDATION', `Please correct: ${field}: ${message}`, [{ path: field, message }]);
  }
}

/**
 * Checks a signed-in person's own password against their key slot (for password change, PIN set, re-auth,
 * unlock). Wrong answers count in the same per-account throttle as sign-in and are audited.
 */
export async function verifyOwnPassword(
  state: CoreState,
  session: Session,
  password: string,
  field: string,
  action: string,
): Promise<PasswordUnlock> {
  const vault = state.readVault();
  const tag = userTag(vault, session.username);
  const gate = state.throttle.check(tag);
  if (!gate.allowed) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many wrong passwords. Try again in ${seconds(gate.waitSeconds)}.`,
    );
  }
  const unlocked = await unlockWithPassword(vault, session.username, password);
  if (!unlocked) {
    countThenAudit(state, tag, { action }, () => ({
      userId: session.userId,
      role: session.role,
      action,
      detail: 'wrong password',
    }));
    throw new AppError('VALIDATION', `Please correct: ${field}: is not your password`, [
      { path: field, message: 'is not your password' },
    ]);
  }
  state.throttle.succeed(tag);
  return unlocked;
}

export const REAUTH_MESSAGE = 'Please enter your password again to confirm this change.';

/** Role changes, resets and key changes need the password re-entered within 5 minutes (issue 4). */
export function requireRecentPassword(state: CoreState, session: Session): void {
  if (!reauthValid(session, state.now())) throw new AppError('REAUTH_REQUIRED', REAUTH_MESSAGE);
}

export function openDb(state: CoreState): OpenDatabase {
  const open = state.database;
  if (!open) throw new AppError('LOCKED', 'The database is locked. Please sign in.');
  return open;
}

export function requireMasterKey(state: CoreState): Buffer {
  if (!state.masterKey) throw new AppError('LOCKED', 'The database is locked. Please sign in.');
  return state.masterKey;
}
