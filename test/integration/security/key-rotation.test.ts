import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupHeader } from '../../../src-main/db/backup';
import { DatabaseUnreadableError, openDatabase } from '../../../src-main/db/open';
import {
  databaseKeyOf,
  parseVault,
  unlockWithPassword,
  type VaultFile,
} from '../../../src-main/security/vault';
import { ADMIN, tempCore, unwrap } from '../../support/core';
import { addStaff, confirmAdmin, facilityWithAdmin } from './support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;
const vaultOf = (dir: string) => parseVault(readFileSync(join(dir, 'vault.json'), 'utf8'));

/** What an attacker holding an old backup and an old password gets: the master and database keys of then. */
async function keysFromBackup(file: string, username: string, password: string) {
  const vault = parseVault(JSON.stringify(readBackupHeader(file).header.vault));
  const unlocked = await unlockWithPassword(vault, username, password);
  if (!unlocked) throw new Error('the old password should open the old backup');
  return { master: unlocked.masterKey, databaseKey: databaseKeyOf(vault, unlocked.masterKey) };
}

function opensToday(dataDir: string, key: Buffer): boolean {
  try {
    openDatabase({ file: join(dataDir, 'caredesk.db'), key }).sqlite.close();
    return true;
  } catch (error) {
    if (error instanceof DatabaseUnreadableError) return false;
    throw error;
  }
}

function masterOpensVault(vault: VaultFile, master: Buffer): boolean {
  try {
    databaseKeyOf(vault, master);
    return true;
  } catch {
    return false;
  }
}

describe('per-account key pairs: deactivation ends an account’s hold on the data', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.core.dispose());

  it('every slot is a key pair: the master key is sealed to a public key, the private key is wrapped', async () => {
    fixture = await facilityWithAdmin();
    const vault = vaultOf(fixture.core.dataDir);
    expect(vault.slots.map((s) => s.kind).sort()).toEqual(['password', 'recovery']);
    for (const slot of vault.slots) {
      expect(typeof slot.publicKey).toBe('string');
      expect(slot.sealed?.epk).toEqual(expect.any(String));
    }
  });

  it('the deactivated-clerk attack (old backup + old password → today’s records) fails after deactivation', async () => {
    fixture = await facilityWithAdmin();
    const { core, recoveryCode } = fixture;
    const clerk = await addStaff(core, 'mariama', 'clerk', 'm');
    const other = await addStaff(core, 'fode', 'clinician', 'f');
    const backup = unwrap(await core.call('admin', 'backup.create', {}));
    const old = await keysFromBackup(backup.file, 'mariama', clerk.password);
    expect(opensToday(core.dataDir, Buffer.from(old.databaseKey))).toBe(true);

    await confirmAdmin(core);
    unwrap(await core.call('admin', 'users.deactivate', { id: clerk.id, reason: 'left the facility' }));

    // Neither the old database key nor the old master key opens today's files.
    expect(opensToday(core.dataDir, Buffer.from(old.databaseKey))).toBe(false);
    expect(masterOpensVault(vaultOf(core.dataDir), old.master)).toBe(false);
    const audit = core.state.database!.sqlite.prepare(
      "SELECT detail FROM audit_log WHERE action = 'keys.rotate'",
    );
    expect((audit.all() as { detail: string }[])[0]?.detail).toMatch(/deactivation of mariama/);

    // The admin screen says what still opens with her old password: the one backup made before.
    const listed = unwrap(await core.call('admin', 'users.list', { includeInactive: true })).users;
    expect(listed.find((u) => u.username === 'mariama')?.oldBackups).toEqual({
      count: 1,
      newestAt: backup.createdAt,
    });
    unwrap(await core.call('admin', 'backup.create', {}));
    expect(
      unwrap(await core.call('admin', 'users.list', { includeInactive: true })).users.find(
        (u) => u.username === 'mariama',
      )?.oldBackups?.count,
    ).toBe(1);

    // Nobody else needs a new password: the other clerk, the admin and the recovery code still open it.
    core.close();
    const again = tempCore(core.dataDir);
    try {
      unwrap(await again.call('f2', 'auth.login', { username: 'fode', password: other.password }));
      unwrap(await again.call('a2', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
      expect(
        await again.call('m2', 'auth.login', { username: 'mariama', password: clerk.password }),
      ).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      again.close();
      const third = tempCore(core.dataDir);
      unwrap(
        await third.call('r', 'auth.recover', {
          recoveryCode,
          username: ADMIN.username,
          newPassword: 'baobab shade at noon',
        }),
      );
      third.close();
    } finally {
      again.close();
    }
  });

  it('a reset after a suspected leak rotates too; a plain reset keeps the keys', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const clerk = await addStaff(core, 'mariama', 'clerk', 'm');
    const backup = unwrap(await core.call('admin', 'backup.create', {}));
    const old = await keysFromBackup(backup.file, 'mariama', clerk.password);
    await confirmAdmin(core);
    unwrap(await core.call('admin', 'users.resetPassword', { id: clerk.id }));
    expect(opensToday(core.dataDir, Buffer.from(old.databaseKey))).toBe(true);
    const reset = unwrap(
      await core.call('admin', 'users.resetPassword', { id: clerk.id, suspectedLeak: true }),
    );
    expect(opensToday(core.dataDir, Buffer.from(old.databaseKey))).toBe(false);
    unwrap(await core.call('m3', 'auth.login', { username: 'mariama', password: reset.temporaryPassword }));
  });
});
