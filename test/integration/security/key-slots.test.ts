import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/core';
import { silentLogger } from '../../../src-main/core/log';
import { DatabaseUnreadableError, openDatabase } from '../../../src-main/db/open';
import { FLOOR_KDF } from '../../../src-main/security/kdf';
import { withPendingDatabaseKey, type VaultFile } from '../../../src-main/security/vault';
import { ADMIN, tempCore, unwrap } from '../../support/core';
import { cli } from '../../support/cli';
import { addStaff, facilityWithAdmin, NEW_PASSWORD } from './support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;
const readVault = (dir: string) => JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')) as VaultFile;

describe('key slots, recovery code and re-key', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.core.dispose());

  it('a password change re-wraps only that user’s slot: the database key and other slots stay as they were', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    await addStaff(core, 'fanta', 'clinician', 'f', NEW_PASSWORD);
    const before = readVault(core.dataDir);
    const dbKey = Buffer.from(core.state.database!.key);
    unwrap(
      await core.call('f', 'auth.changePassword', {
        currentPassword: NEW_PASSWORD,
        newPassword: 'harmattan dust season 7',
      }),
    );
    const after = readVault(core.dataDir);
    expect(after.database).toEqual(before.database);
    expect(after.slots.filter((s) => before.slots.some((b) => b.id === s.id))).toHaveLength(
      before.slots.length - 1,
    );
    expect(core.state.database!.key.equals(dbKey)).toBe(true);
  });

  it('the recovery code opens the database after a restart and sets a new admin password', async () => {
    fixture = await facilityWithAdmin();
    fixture.core.close();
    const core = tempCore(fixture.core.dataDir);
    try {
      const wrong = await core.call('r', 'auth.recover', {
        recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF',
        username: ADMIN.username,
        newPassword: 'baobab shade at noon',
      });
      expect(wrong).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      expect(core.state.database).toBeNull();
      const typedFromPaper = fixture.recoveryCode.toLowerCase().replace(/-/g, ' ');
      const session = unwrap(
        await core.call('r', 'auth.recover', {
          recoveryCode: typedFromPaper,
          username: ADMIN.username,
          newPassword: 'baobab shade at noon',
        }),
      );
      expect(session).toMatchObject({ username: ADMIN.username, role: 'admin', mustChangePassword: false });
      unwrap(
        await core.call('x', 'auth.login', { username: ADMIN.username, password: 'baobab shade at noon' }),
      );
      expect(
        await core.call('y', 'auth.login', { username: ADMIN.username, password: ADMIN.password }),
      ).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      const actions = unwrap(await core.call('x', 'audit.list', {})).rows.map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['recovery.used', 'recovery.failed']));
    } finally {
      core.close();
    }
  });

  it('re-key: backup first, new database key, every password and the recovery code still work, the old key does not', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const fanta = await addStaff(core, 'fanta', 'clinician', 'f');
    const oldKey = Buffer.from(core.state.database!.key);
    const slotsBefore = readVault(core.dataDir).slots;
    const report = unwrap(await core.call('admin', 'database.rekey', { password: ADMIN.password }));
    expect(report).toMatchObject({ recoveryCode: null, usersNeedingReset: [] });
    expect(report.backupFile).toMatch(/-before-rekey\.cdbk$/);
    expect(readVault(core.dataDir).slots).toEqual(slotsBefore);
    expect(readVault(core.dataDir).pendingDatabase).toBeUndefined();
    unwrap(await core.call('f', 'home.summary', {})); // open sessions carry on
    core.close();
    const file = join(core.dataDir, 'caredesk.db');
    expect(() => openDatabase({ file, key: oldKey })).toThrow(DatabaseUnreadableError);
    const restarted = tempCore(core.dataDir);
    try {
      unwrap(await restarted.call('a', 'auth.login', { username: 'fanta', password: fanta.password }));
      unwrap(await restarted.call('a', 'auth.logout', {}));
      restarted.close();
      const viaCode = tempCore(core.dataDir);
      unwrap(
        await viaCode.call('r', 'auth.recover', {
          recoveryCode: fixture.recoveryCode,
          username: ADMIN.username,
          newPassword: 'baobab shade at noon',
        }),
      );
      expect(unwrap(await viaCode.call('r', 'audit.verify', {})).ok).toBe(true);
      viaCode.close();
    } finally {
      restarted.close();
    }
  });

  it('re-key with a new master key: old vault copies and other passwords stop working until reset', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const fanta = await addStaff(core, 'fanta', 'clinician', 'f');
    const oldVault = readFileSync(join(core.dataDir, 'vault.json'));
    const report = unwrap(
      await core.call('admin', 'database.rekey', { password: ADMIN.password, rotateMasterKey: true }),
    );
    expect(report.recoveryCode).toMatch(/^([A-Z0-9]{5}-){5}[A-Z0-9]{5}$/);
    expect(report.usersNeedingReset).toEqual(['fanta']);
    const list = unwrap(await core.call('admin', 'users.list', {})).users;
    expect(list.find((u) => u.username === 'fanta')).toMatchObject({ hasKeySlot: false });
    expect(
      await core.call('f2', 'auth.login', { username: 'fanta', password: fanta.password }),
    ).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    const reset = unwrap(await core.call('admin', 'users.resetPassword', { id: fanta.id }));
    core.close();
    // A copy of the old vault (and the old passwords) no longer opens the database.
    writeFileSync(join(core.dataDir, 'vault.json.old'), oldVault);
    const restarted = tempCore(core.dataDir);
    try {
      unwrap(
        await restarted.call('f', 'auth.login', { username: 'fanta', password: reset.temporaryPassword }),
      );
      expect(
        await restarted.call('r', 'auth.recover', {
          recoveryCode: fixture.recoveryCode,
          username: ADMIN.username,
          newPassword: 'baobab shade at noon',
        }),
      ).toMatchObject({ code: 'UNAUTHENTICATED' });
      unwrap(
        await restarted.call('r', 'auth.recover', {
          recoveryCode: report.recoveryCode!,
          username: ADMIN.username,
          newPassword: 'baobab shade at noon',
        }),
      );
    } finally {
      restarted.close();
    }
    writeFileSync(join(core.dataDir, 'vault.json'), oldVault);
    const withOldVault = tempCore(core.dataDir);
    try {
      const attempt = await withOldVault.call('o', 'auth.login', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(attempt).toMatchObject({ ok: false, code: 'DATABASE' });
    } finally {
      withOldVault.close();
    }
  });

  it('finishes a re-key interrupted after PRAGMA rekey (new key only "pending" in the vault)', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const { sqlite } = core.state.database!;
    const masterKey = Buffer.from(core.state.masterKey!);
    const newKey = randomBytes(32);
    const vault = readVault(core.dataDir);
    writeFileSync(
      join(core.dataDir, 'vault.json'),
      JSON.stringify(withPendingDatabaseKey(vault, masterKey, newKey)),
    );
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
    core.close(); // "crash" before the vault's final write
    const restarted = tempCore(core.dataDir);
    try {
      unwrap(await restarted.call('a', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
      expect(restarted.state.database!.key.equals(newKey)).toBe(true);
      expect(readVault(core.dataDir).pendingDatabase).toBeUndefined();
    } finally {
      restarted.close();
    }
  });

  it('never makes a new key because unwrapping failed: a damaged vault is reported and left alone', async () => {
    fixture = await facilityWithAdmin();
    fixture.core.close();
    const vault = readVault(fixture.core.dataDir);
    const ct = Buffer.from(vault.database.ct, 'base64');
    ct[0]! ^= 1;
    const damaged = JSON.stringify({ ...vault, database: { ...vault.database, ct: ct.toString('base64') } });
    writeFileSync(join(fixture.core.dataDir, 'vault.json'), damaged);
    const dbBefore = readFileSync(join(fixture.core.dataDir, 'caredesk.db'));
    const core = tempCore(fixture.core.dataDir);
    try {
      const result = await core.call('a', 'auth.login', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(result).toMatchObject({ ok: false, code: 'DATABASE' });
      if (!result.ok) expect(result.message).toMatch(/vault\.json\) is damaged/);
      expect(readFileSync(join(fixture.core.dataDir, 'vault.json'), 'utf8')).toBe(damaged);
      expect(readFileSync(join(fixture.core.dataDir, 'caredesk.db')).equals(dbBefore)).toBe(true);
    } finally {
      core.close();
    }
  });

  it('raises a slot made with cheaper KDF parameters at the next sign-in', async () => {
    fixture = await facilityWithAdmin();
    fixture.core.close();
    expect(readVault(fixture.core.dataDir).slots.find((s) => s.kind === 'password')!.kdf).toMatchObject({
      m: FLOOR_KDF.m,
    });
    const stronger = { ...FLOOR_KDF, m: FLOOR_KDF.m * 2 };
    const core = createCore({ dataDir: fixture.core.dataDir, kdf: stronger, logger: silentLogger });
    try {
      unwrap(await core.call('a', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
      expect(readVault(fixture.core.dataDir).slots.find((s) => s.kind === 'password')!.kdf).toMatchObject({
        m: stronger.m,
      });
    } finally {
      core.close();
    }
  });

  it('CLI: users add / role / reset-password / deactivate, recover and rekey', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    core.close();
    const dir = core.dataDir;
    const env = { CAREDESK_PASSWORD: ADMIN.password };
    const base = ['--data-dir', dir, '--user', ADMIN.username];
    const added = await cli(
      ['users', 'add', ...base, '--username', 'sekou', '--name', 'Sekou Traore', '--role', 'clerk'],
      env,
    );
    expect(added.stderr).toBe('');
    const temporary = added.stdout.match(/^ {4}(\S+)$/m)![1]!;
    expect(
      (await cli(['users', 'role', ...base, '--username', 'sekou', '--role', 'clinician'], env)).stdout,
    ).toBe('sekou is now clinician.\n');
    const reset = await cli(['users', 'reset-password', ...base, '--username', 'sekou'], env);
    expect(reset.stdout.match(/^ {4}(\S+)$/m)![1]).not.toBe(temporary);
    const list = await cli(['users', 'list', ...base], env);
    expect(list.stdout).toMatch(/sekou\s+clinician\s+Sekou Traore.*\[temporary password\]/);
    const off = await cli(
      ['users', 'deactivate', ...base, '--username', 'sekou', '--reason', 'transferred'],
      env,
    );
    expect(off.stdout).toBe('sekou is deactivated.\n');
    const unknown = await cli(['users', 'role', ...base, '--username', 'ghost', '--role', 'clerk'], env);
    expect(unknown.stderr).toBe('caredesk users role: no staff account named "ghost".\n');
    const recovered = await cli(
      ['recover', '--data-dir', dir, '--admin', ADMIN.username, '--stdin'],
      {},
      `${fixture.recoveryCode}\nbaobab shade at noon\n`,
    );
    expect(recovered.stdout).toMatch(/New password set for amina/);
    const rekeyed = await cli(['rekey', ...base], { CAREDESK_PASSWORD: 'baobab shade at noon' });
    expect(rekeyed.stderr).toBe('');
    expect(rekeyed.stdout).toMatch(/^Database re-keyed\. Backup made first: .*before-rekey\.cdbk/);
  });
});
