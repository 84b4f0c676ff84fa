import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract';
import type { CoreState } from '../../core/state';
import { generateRecoveryCode } from '../../security/kdf';
import type { Session } from '../../security/session';
import {
  createVaultWith,
  makePasswordSlot,
  makeRecoverySlot,
  withDatabaseKey,
  withPendingDatabaseKey,
} from '../../security/vault';
import { auditBy } from '../audit/audit.service';
import { openDb, verifyOwnPassword } from '../auth/credentials';
import { listUserRows } from '../users/users.service';
import { createBackup } from './backup.service';
import { regenerateEpoch } from '../../sync/epoch';

export interface RekeyReport {
  backupFile: string;
  recoveryCode: string | null;
  usersNeedingReset: string[];
}

/**
 * Re-key (admin): a backup first, then a new random database key (`PRAGMA rekey`, which SQLite3MC only does
 * outside WAL). The vault records the new key as "pending" before the database changes, so a crash at any
 * point leaves a database that one of the two vault-held keys opens (security/unlock.ts finishes the job).
 *
 * - Default: only the database key changes; it is re-wrapped under the unchanged master key, so every staff
 *   password and the recovery code keep working (nobody else's password is needed).
 * - rotateMasterKey: also a new master key. Only this admin's slot and a NEW recovery code can be made (other
 *   passwords are unknown), so every other account needs a password reset; use when a copy of vault.json
 *   and someone's password may have leaked.
 */
export async function rekeyDatabase(
  state: CoreState,
  session: Session,
  input: { password: string; rotateMasterKey: boolean },
): Promise<RekeyReport> {
  const open = openDb(state);
  const unlocked = await verifyOwnPassword(state, session, input.password, 'password', 'rekey.failed');
  const backup = createBackup(state, {
    kind: 'before-rekey',
    by: { userId: session.userId, role: session.role },
  });
  const newKey = randomBytes(32);
  const newMaster = input.rotateMasterKey ? randomBytes(32) : null;
  const adminSlot = newMaster
    ? await makePasswordSlot(state.readVault(), newMaster, session.username, input.password, state.kdf)
    : null;
  const recoveryCode = newMaster ? generateRecoveryCode(randomBytes) : null;
  if (state.database !== open)
    throw new AppError('CONFLICT', 'The database was closed meanwhile. Nothing was changed.');

  const vault = state.readVault();
  state.writeVault(withPendingDatabaseKey(vault, unlocked.masterKey, newKey));
  const { sqlite } = open;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
  try {
    sqlite.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  } finally {
    sqlite.pragma('journal_mode = WAL');
  }
  if (newMaster && adminSlot && recoveryCode) {
    state.writeVault(
      createVaultWith(vault.salt, newMaster, newKey, [adminSlot, makeRecoverySlot(newMaster, recoveryCode)]),
    );
    state.masterKey?.fill(0);
    state.masterKey = newMaster;
  } else {
    state.writeVault(withDatabaseKey(state.readVault(), unlocked.masterKey, newKey));
  }
  open.key.fill(0);
  open.key = newKey;
  // A new key is a new epoch: a copy under the old key restored elsewhere must not pass for this database.
  regenerateEpoch(sqlite, state.now().toISOString());

  const usersNeedingReset = newMaster
    ? listUserRows(open.db)
        .filter((u) => u.active && u.id !== session.userId)
        .map((u) => u.username)
    : [];
  auditBy(
    sqlite,
    session,
    {
      action: 'database.rekey',
      detail: newMaster
        ? `new database and master keys; recovery code replaced; ${usersNeedingReset.length} account(s) need a password reset`
        : 'new database key',
    },
    state.now().toISOString(),
  );
  return { backupFile: backup.file, recoveryCode, usersNeedingReset };
}
