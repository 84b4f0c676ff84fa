import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { AppError, type Role } from '../../../shared/contract';
import { uuidv7 } from '../../../shared/ids';
import { facility } from '../../db/schema';
import type { CoreState } from '../../core/state';
import { generateRecoveryCode } from '../../security/kdf';
import {
  createVault,
  makePasswordSlot,
  makeRecoverySlot,
  withPasswordSlot,
  withRecoverySlot,
} from '../../security/vault';
import { appendAudit } from '../audit/audit.service';
import { assertAcceptablePassword } from '../auth/credentials';
import { insertUser } from '../users/users.service';
import { enqueueStored } from '../../sync/outbox';

export interface SetupInput {
  facility: { name: string; code: string; district: string; country: string };
  admin: { username: string; fullName: string; password: string; seesPatients?: boolean | undefined };
}

/** The first account's roles: administrator, and clinician too when the administrator also sees patients. */
export function setupRoles(admin: SetupInput['admin']): Role[] {
  return admin.seesPatients === true ? ['admin', 'clinician'] : ['admin'];
}

/**
 * First-run setup: random master and database keys, the vault (admin password slot + recovery slot), then
 * the encrypted database with facility, admin account and the first audit row in one transaction.
 * The vault is written first: a database without its vault could never be opened again.
 */
export async function initializeFacility(
  state: CoreState,
  input: SetupInput,
): Promise<{ recoveryCode: string; adminId: string }> {
  if (existsSync(state.paths.database)) {
    throw new AppError('CONFLICT', 'This computer already has a CareDesk facility set up. Sign in instead.');
  }
  // A vault or replaced/ folder without a database is what a crash or a restore leaves: setup would write a
  // new vault over the only keys to that data. Restore from a backup instead.
  if (existsSync(state.paths.vault) || existsSync(state.paths.replaced)) {
    throw new AppError(
      'CONFLICT',
      'This data folder already holds CareDesk keys (vault.json) or databases set aside by a restore (replaced). Restore from a backup instead of setting up again, or ask IT to move that folder away.',
    );
  }
  assertAcceptablePassword(
    input.admin.password,
    { ...input.admin, facilityName: input.facility.name, facilityCode: input.facility.code },
    'admin.password',
  );
  state.ensureDataDir();
  const { vault: empty, masterKey } = createVault();
  const recoveryCode = generateRecoveryCode(randomBytes);
  let vault = withPasswordSlot(
    empty,
    await makePasswordSlot(empty, masterKey, input.admin.username, input.admin.password, state.kdf),
  );
  vault = withRecoverySlot(vault, makeRecoverySlot(masterKey, recoveryCode));
  state.writeVault(vault);

  const adminId = uuidv7();
  try {
    const { sqlite, db } = state.unlock(masterKey, true);
    const at = state.now().toISOString();
    sqlite.transaction(() => {
      db.insert(facility)
        .values({ id: 1, uuid: randomUUID(), ...input.facility, createdAt: at, updatedAt: at })
        .run();
      insertUser(
        db,
        {
          id: adminId,
          username: input.admin.username,
          fullName: input.admin.fullName,
          role: 'admin',
          roles: setupRoles(input.admin),
        },
        null,
        at,
      );
      enqueueStored(sqlite, 'user', 'users', adminId, at);
      appendAudit(
        sqlite,
        {
          userId: adminId,
          role: setupRoles(input.admin).join('+'),
          action: 'facility.setup',
          entity: 'facility',
          entityId: '1',
        },
        at,
      );
    })();
  } catch (error) {
    // Leave nothing half made: the next attempt starts clean.
    state.close();
    for (const f of [
      state.paths.database,
      `${state.paths.database}-wal`,
      `${state.paths.database}-shm`,
      state.paths.vault,
    ]) {
      rmSync(f, { force: true });
    }
    throw error;
  } finally {
    masterKey.fill(0);
  }
  return { recoveryCode, adminId };
}
