import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { confirmAdmin, facilityWithAdmin } from './support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;

describe('step-up re-authentication for backup destinations', () => {
  let fixture: Fixture | undefined;
  const dirs: string[] = [];
  afterEach(() => {
    fixture?.core.dispose();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('changing the backup folder or schedule, and a backup to a chosen path, need the password again', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const usb = mkdtempSync(join(tmpdir(), 'caredesk-usb-'));
    dirs.push(usb);
    for (const patch of [{ backupFolder: usb }, { autoBackup: false }, { backupKeep: 3 }]) {
      expect(await core.call('admin', 'settings.update', patch)).toMatchObject({
        ok: false,
        code: 'REAUTH_REQUIRED',
      });
    }
    // Other settings do not.
    expect(await core.call('admin', 'settings.update', { idleLockMinutes: 12 })).toMatchObject({ ok: true });
    expect(await core.call('admin', 'backup.create', { folder: usb })).toMatchObject({
      ok: false,
      code: 'REAUTH_REQUIRED',
    });
    expect(await core.call('admin', 'backup.create', { file: join(usb, 'x.cdbk') })).toMatchObject({
      ok: false,
      code: 'REAUTH_REQUIRED',
    });
    expect(await core.call('admin', 'backup.create', {})).toMatchObject({ ok: true });
    await confirmAdmin(core);
    expect(await core.call('admin', 'settings.update', { backupFolder: usb })).toMatchObject({ ok: true });
    expect(await core.call('admin', 'backup.create', { folder: usb })).toMatchObject({ ok: true });
  });

  it('creating an account (any role, admin especially) needs the password again', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const slotsBefore = core.state.readVault().slots.length;
    for (const role of ['clerk', 'admin'] as const) {
      expect(
        await core.call('admin', 'users.create', { username: `new.${role}`, fullName: 'New', role }),
      ).toMatchObject({ ok: false, code: 'REAUTH_REQUIRED' });
    }
    // Refused before anything is written: no account, no key slot, no audit row.
    const db = core.state.database!.sqlite;
    expect(db.prepare("SELECT count(*) AS n FROM users WHERE username LIKE 'new.%'").get()).toEqual({ n: 0 });
    expect(core.state.readVault().slots).toHaveLength(slotsBefore);
    await confirmAdmin(core);
    expect(
      await core.call('admin', 'users.create', { username: 'new.admin', fullName: 'New', role: 'admin' }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a network (UNC) backup folder in plain words', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    await confirmAdmin(core);
    for (const folder of ['\\\\fileserver\\backups', '//fileserver/backups']) {
      const result = await core.call('admin', 'settings.update', { backupFolder: folder });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
      if (!result.ok)
        expect(result.message).toMatch(/backupFolder: is a network folder\. Choose a disk or USB/);
      expect(await core.call('admin', 'backup.create', { folder })).toMatchObject({ code: 'VALIDATION' });
    }
  });
});
