import { AppError, normalizeRoles, type Role } from '../../../shared/contract';
import type { UserSummary } from '../../../shared/contract/channels/users';
import { uuidv7 } from '../../../shared/ids';
import type { CoreState } from '../../core/state';
import type { Session } from '../../security/session';
import { findPasswordSlot, makePasswordSlot, withoutUser, withPasswordSlot } from '../../security/vault';
import { auditBy } from '../audit/audit.service';
import { rotateKeysWithout } from '../backup/rotate.service';
import { oldBackupsOpenableBy } from './old-backups';
import { enqueueStored } from '../../sync/outbox';
import {
  assertAcceptablePassword,
  openDb,
  passwordContext,
  requireMasterKey,
  requireRecentPassword,
} from '../auth/credentials';
import {
  assertOtherActiveAdmin,
  changeUser,
  findUserByUsername,
  generateTemporaryPassword,
  getUser,
  insertUser,
  listUserRows,
  rowRoles,
  summarize,
  type UserRow,
} from './users.service';

/**
 * Staff account administration. Every change is one transaction with its audit row; the vault file is
 * written last inside that transaction, so a failed vault write rolls the database change back.
 */
export function listUsers(state: CoreState): UserSummary[] {
  const vault = state.readVault();
  const rows = listUserRows(openDb(state).db);
  const old = oldBackupsOpenableBy(
    state,
    rows.filter((r) => !r.active).map((r) => r.username),
  );
  return rows.map((row) => {
    const summary = summarize(row, findPasswordSlot(vault, row.username) !== undefined);
    const oldBackups = old.get(row.username);
    return oldBackups ? { ...summary, oldBackups } : summary;
  });
}

function summary(state: CoreState, row: UserRow): UserSummary {
  return summarize(row, findPasswordSlot(state.readVault(), row.username) !== undefined);
}

function endSessionsOf(state: CoreState, userId: string): void {
  for (const connectionId of state.sessions.endAllFor(userId)) {
    state.emit(connectionId, 'session.changed', { reason: 'ended' });
  }
}

async function temporaryPassword(
  state: CoreState,
  given: string | undefined,
  person: { username: string; fullName: string },
): Promise<string> {
  if (given === undefined) return generateTemporaryPassword();
  assertAcceptablePassword(given, passwordContext(state, person), 'temporaryPassword');
  return given;
}

export async function createUser(
  state: CoreState,
  actor: Session,
  input: {
    username: string;
    fullName: string;
    role: Role;
    roles?: readonly Role[] | undefined;
    temporaryPassword?: string | undefined;
  },
): Promise<{ user: UserSummary; temporaryPassword: string }> {
  // A new account is a new key to the whole database (an admin one, to every right): step-up first.
  requireRecentPassword(state, actor);
  const { sqlite, db } = openDb(state);
  if (findUserByUsername(db, input.username)) {
    throw new AppError('CONFLICT', 'Someone already has that username. Choose another one.', [
      { path: 'username', message: 'is already taken' },
    ]);
  }
  const password = await temporaryPassword(state, input.temporaryPassword, input);
  const slot = await makePasswordSlot(
    state.readVault(),
    requireMasterKey(state),
    input.username,
    password,
    state.kdf,
  );
  const id = uuidv7();
  const at = state.now().toISOString();
  sqlite.transaction(() => {
    insertUser(db, { ...input, id, mustChangePassword: true }, actor.userId, at);
    enqueueStored(sqlite, 'user', 'users', id, at);
    auditBy(
      sqlite,
      actor,
      {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        detail: `${input.username} as ${normalizeRoles([input.role, ...(input.roles ?? [])]).join('+')}`,
      },
      at,
    );
    state.writeVault(withPasswordSlot(state.readVault(), slot));
  })();
  return { user: summary(state, getUser(db, id)), temporaryPassword: password };
}

export function updateUser(
  state: CoreState,
  actor: Session,
  input: { id: string; fullName: string; version: number },
): UserSummary {
  const { sqlite, db } = openDb(state);
  const at = state.now().toISOString();
  const row = sqlite.transaction(() => {
    const before = getUser(db, input.id);
    if (before.version !== input.version) {
      throw new AppError('CONFLICT', 'Someone else changed this account meanwhile. Reload it and try again.');
    }
    const after = changeUser(db, input.id, { fullName: input.fullName }, actor.userId, at);
    enqueueStored(sqlite, 'user', 'users', after.id, at);
    auditBy(
      sqlite,
      actor,
      { action: 'user.update', entity: 'user', entityId: input.id, detail: 'full name' },
      at,
    );
    return after;
  })();
  state.sessions.updateAllFor(row.id, { fullName: row.fullName });
  return summary(state, row);
}

/** Sets the account's roles: `role` is the main one, `roles` (optional) the whole set. */
export function setRole(
  state: CoreState,
  actor: Session,
  input: { id: string; role: Role; roles?: readonly Role[] | undefined },
): UserSummary {
  requireRecentPassword(state, actor);
  const { sqlite, db } = openDb(state);
  const at = state.now().toISOString();
  const next = normalizeRoles([input.role, ...(input.roles ?? [])]);
  const row = sqlite.transaction(() => {
    const before = getUser(db, input.id);
    const previous = rowRoles(before);
    if (previous.join(',') === next.join(',')) return before;
    if (previous.includes('admin') && !next.includes('admin') && before.active) {
      assertOtherActiveAdmin(db, before.id, 'This role change');
    }
    const after = changeUser(db, input.id, { role: input.role, roles: next.join(',') }, actor.userId, at);
    enqueueStored(sqlite, 'user', 'users', after.id, at);
    auditBy(
      sqlite,
      actor,
      {
        action: 'user.role',
        entity: 'user',
        entityId: input.id,
        detail: `${before.username}: ${previous.join('+')} → ${next.join('+')}`,
      },
      at,
    );
    return after;
  })();
  state.sessions.updateAllFor(row.id, { role: row.role, roles: rowRoles(row) });
  return summary(state, row);
}

/**
 * Deactivation (step-up re-auth first): the account's slot goes, its sessions end, and the master key is
 * rotated and the database re-keyed, so an old backup + the old password no longer open today's file.
 */
export async function deactivateUser(
  state: CoreState,
  actor: Session,
  input: { id: string; reason: string },
  connectionId?: string,
): Promise<UserSummary> {
  requireRecentPassword(state, actor);
  if (input.id === actor.userId) throw new AppError('CONFLICT', 'You cannot deactivate your own account.');
  const open = openDb(state);
  const { sqlite, db } = open;
  const oldMaster = Buffer.from(requireMasterKey(state));
  const at = state.now().toISOString();
  const before = getUser(db, input.id);
  const row = sqlite.transaction(() => {
    if (!before.active) return before;
    if (rowRoles(before).includes('admin'))
      assertOtherActiveAdmin(db, before.id, 'Deactivating this account');
    const after = changeUser(db, input.id, { active: false, pinHash: null }, actor.userId, at);
    enqueueStored(sqlite, 'user', 'users', after.id, at);
    auditBy(
      sqlite,
      actor,
      {
        action: 'user.deactivate',
        entity: 'user',
        entityId: input.id,
        detail: `${before.username}: ${input.reason}`,
      },
      at,
    );
    // Their password must no longer open the vault, even on a copy taken from this PC later.
    state.writeVault(withoutUser(state.readVault(), before.username));
    return after;
  })();
  endSessionsOf(state, row.id);
  if (before.active) {
    const rotated = await rotateKeysWithout(state, open, oldMaster, {
      username: before.username,
      ...(connectionId ? { connectionId } : {}),
    });
    auditRotation(state, actor, before, rotated.dropped.length, 'deactivation');
  }
  oldMaster.fill(0);
  return summary(state, row);
}

function auditRotation(
  state: CoreState,
  actor: Session,
  target: UserRow,
  dropped: number,
  why: 'deactivation' | 'reset after a suspected leak',
): void {
  auditBy(
    openDb(state).sqlite,
    actor,
    {
      action: 'keys.rotate',
      entity: 'user',
      entityId: target.id,
      detail: `${why} of ${target.username}: new master key, database re-keyed${dropped ? `; ${dropped} account(s) need a password reset` : ''}`,
    },
    state.now().toISOString(),
  );
}

/** New temporary password (reset, or reactivation): new key slot, must change at next sign-in, PIN cleared. */
export async function issueTemporaryPassword(
  state: CoreState,
  actor: Session,
  input: { id: string; temporaryPassword?: string | undefined; suspectedLeak?: boolean | undefined },
  mode: 'reset' | 'reactivate',
  connectionId?: string,
): Promise<{ user: UserSummary; temporaryPassword: string }> {
  requireRecentPassword(state, actor);
  const { sqlite, db } = openDb(state);
  const target = getUser(db, input.id);
  if (mode === 'reset' && !target.active) {
    throw new AppError(
      'CONFLICT',
      'This account is deactivated. Reactivate it instead (that also sets a new password).',
    );
  }
  if (mode === 'reset' && target.id === actor.userId) {
    throw new AppError('CONFLICT', 'Change your own password from your account menu instead.');
  }
  const password = await temporaryPassword(state, input.temporaryPassword, target);
  const afterLeak = mode === 'reset' && input.suspectedLeak === true;
  const newSlot = (masterKey: Buffer) =>
    makePasswordSlot(state.readVault(), masterKey, target.username, password, state.kdf);
  const oldMaster = Buffer.from(requireMasterKey(state));
  const slot = afterLeak ? null : await newSlot(oldMaster);
  const at = state.now().toISOString();
  const row = sqlite.transaction(() => {
    const after = changeUser(
      db,
      target.id,
      { active: true, mustChangePassword: true, pinHash: null },
      actor.userId,
      at,
    );
    enqueueStored(sqlite, 'user', 'users', after.id, at);
    auditBy(
      sqlite,
      actor,
      {
        action: mode === 'reset' ? 'user.password.reset' : 'user.reactivate',
        entity: 'user',
        entityId: target.id,
        detail: target.username,
      },
      at,
    );
    if (slot) state.writeVault(withPasswordSlot(state.readVault(), slot));
    return after;
  })();
  endSessionsOf(state, row.id);
  if (afterLeak) {
    // The old password may be known to someone: its key (and every older backup's) stops opening today's file.
    const rotated = await rotateKeysWithout(state, openDb(state), oldMaster, {
      username: target.username,
      replacement: newSlot,
      ...(connectionId ? { connectionId } : {}),
    });
    auditRotation(state, actor, target, rotated.dropped.length, 'reset after a suspected leak');
  }
  oldMaster.fill(0);
  return { user: summary(state, row), temporaryPassword: password };
}
