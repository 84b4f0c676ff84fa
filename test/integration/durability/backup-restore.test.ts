import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, tempCore, unwrap } from '../../support/core';
import { cli } from '../../support/cli';
import { addStaff, confirmAdmin, facilityWithAdmin } from '../security/support';

let scratch: string;
const cores: { dispose(): void }[] = [];
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'caredesk-backup-'));
});
afterEach(() => {
  for (const c of cores.splice(0)) c.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

async function facilityWithBackup() {
  const fixture = await facilityWithAdmin();
  cores.push(fixture.core);
  const { core } = fixture;
  const fanta = await addStaff(core, 'fanta', 'clinician');
  await addStaff(core, 'moussa', 'clerk');
  const before = unwrap(await core.call('admin', 'system.status', {})).counts;
  await confirmAdmin(core); // a chosen folder is a step-up action
  const info = unwrap(await core.call('admin', 'backup.create', { folder: scratch }));
  core.state.sessions.get('admin')!.reauthUntil = 0; // the confirmation is used up
  return { ...fixture, fanta, before, info };
}

describe('backup and restore', () => {
  it('round-trips through ONE encrypted file onto a fresh data folder with the recovery code', async () => {
    const { recoveryCode, before, info } = await facilityWithBackup();
    expect(readdirSync(scratch)).toEqual([info.file.split(/[\\/]/).pop()]);
    const bytes = readFileSync(info.file);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('CAREDESK-BACKUP\n');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Staff fanta'))).toBe(false);
    expect(() => new Database(info.file).prepare('SELECT * FROM sqlite_master').all()).toThrow();

    const fresh = tempCore();
    cores.push(fresh);
    const report = unwrap(
      await fresh.call('x', 'backup.restoreWithoutSignIn', {
        file: info.file,
        credentials: { kind: 'recovery', recoveryCode },
      }),
    );
    expect(report.replacedKeptIn).toBeNull();
    // The restore itself adds one audit row; everything else is as it was.
    expect(report.counts).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    unwrap(await fresh.call('w', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
    expect(unwrap(await fresh.call('w', 'audit.verify', {}))).toMatchObject({ ok: true });
    const restoredLog = unwrap(await fresh.call('w', 'audit.list', { action: 'backup.restore' })).rows;
    expect(restoredLog[0]!.detail).toMatch(/opened with the recovery code/);
  });

  it('restores with a staff password of the time, and keeps the replaced database aside over a damaged one', async () => {
    const { core, fanta, info } = await facilityWithBackup();
    core.close();
    const db = join(core.dataDir, 'caredesk.db');
    const damaged = readFileSync(db);
    damaged.fill(0x41, 4096, 8192);
    writeFileSync(db, damaged);
    const restarted = tempCore(core.dataDir);
    cores.push(restarted);
    const login = await restarted.call('w', 'auth.login', { username: 'fanta', password: fanta.password });
    expect(login).toMatchObject({ ok: false, code: 'DATABASE' });
    if (!login.ok) expect(login.message).toMatch(/damaged.*Restore it from a backup/);
    const report = unwrap(
      await restarted.call('w', 'backup.restoreWithoutSignIn', {
        file: info.file,
        credentials: { kind: 'password', username: 'fanta', password: fanta.password },
      }),
    );
    expect(report.replacedKeptIn).not.toBeNull();
    expect(readdirSync(report.replacedKeptIn!).sort()).toEqual(
      expect.arrayContaining(['caredesk.db', 'vault.json']),
    );
    expect(readFileSync(join(report.replacedKeptIn!, 'caredesk.db')).equals(damaged)).toBe(true);
    unwrap(await restarted.call('w', 'auth.login', { username: 'fanta', password: fanta.password }));
  });

  it('never lets a backup and an old password overwrite a working database without an admin session', async () => {
    const { core, fanta, info } = await facilityWithBackup();
    const attempt = await core.call('stranger', 'backup.restoreWithoutSignIn', {
      file: info.file,
      credentials: { kind: 'password', username: 'fanta', password: fanta.password },
    });
    expect(attempt).toMatchObject({ ok: false, code: 'CONFLICT' });
    const withoutReauth = await core.call('admin', 'backup.restore', {
      file: info.file,
      credentials: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
    });
    expect(withoutReauth).toMatchObject({ ok: false, code: 'REAUTH_REQUIRED' });
    await confirmAdmin(core);
    const report = unwrap(
      await core.call('admin', 'backup.restore', {
        file: info.file,
        credentials: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
      }),
    );
    expect(existsSync(join(report.replacedKeptIn!, 'caredesk.db'))).toBe(true);
    // Every session ended with the restore.
    expect(await core.call('admin', 'home.summary', {})).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
  });

  it('checks the file before touching anything: wrong credentials, damaged or foreign files change nothing', async () => {
    const { core, info } = await facilityWithBackup();
    core.close();
    const fresh = join(scratch, 'fresh');
    mkdirSync(fresh);
    const target = tempCore(fresh);
    cores.push(target);
    const call = (
      file: string,
      credentials:
        { kind: 'recovery'; recoveryCode: string } | { kind: 'password'; username: string; password: string },
    ) => target.call('x', 'backup.restoreWithoutSignIn', { file, credentials });
    const wrong = await call(info.file, {
      kind: 'password',
      username: ADMIN.username,
      password: 'not the right one',
    });
    expect(wrong).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [{ path: 'credentials.password' }],
    });
    const bytes = readFileSync(info.file);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100]! ^= 0xff;
    writeFileSync(join(scratch, 'flipped.cdbk'), flipped);
    const damaged = await call(join(scratch, 'flipped.cdbk'), {
      kind: 'password',
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(damaged).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!damaged.ok) expect(damaged.message).toMatch(/does not match its checksum/);
    writeFileSync(join(scratch, 'cut.cdbk'), bytes.subarray(0, bytes.length - 10));
    const cut = await call(join(scratch, 'cut.cdbk'), {
      kind: 'password',
      username: ADMIN.username,
      password: ADMIN.password,
    });
    if (!cut.ok) expect(cut.message).toMatch(/is incomplete/);
    writeFileSync(join(scratch, 'notes.cdbk'), 'hello');
    const foreign = await call(join(scratch, 'notes.cdbk'), {
      kind: 'password',
      username: ADMIN.username,
      password: ADMIN.password,
    });
    if (!foreign.ok) expect(foreign.message).toMatch(/is not a CareDesk backup file/);
    expect([cut.ok, foreign.ok]).toEqual([false, false]);
    expect(readdirSync(fresh).filter((f) => f !== 'throttle.json')).toEqual([]);
  });

  it('CLI: caredesk backup --out FILE, then caredesk restore on another folder with the recovery code', async () => {
    const { core, recoveryCode, before } = await facilityWithBackup();
    core.close();
    const out = join(scratch, 'usb', 'clinic.cdbk');
    mkdirSync(join(scratch, 'usb'));
    const env = { CAREDESK_PASSWORD: ADMIN.password };
    const made = await cli(
      ['backup', '--data-dir', core.dataDir, '--user', ADMIN.username, '--out', out],
      env,
    );
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^Backup written: .*clinic\.cdbk/);
    const again = await cli(
      ['backup', '--data-dir', core.dataDir, '--user', ADMIN.username, '--out', out],
      env,
    );
    expect(again.stderr).toMatch(/already exists/);
    const other = join(scratch, 'other-pc');
    const restored = await cli(['restore', '--data-dir', other, '--from', out], {
      CAREDESK_RECOVERY_CODE: recoveryCode,
    });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(new RegExp(`users\\s+${before.users}`));
    const verify = await cli(['audit', 'verify', '--data-dir', other, '--user', ADMIN.username], env);
    expect(verify.stdout).toMatch(/Audit trail intact/);
  });

  it('daily automatic backup keeps N generations in the chosen folder and reports a missing folder', async () => {
    const fixture = await facilityWithAdmin();
    cores.push(fixture.core);
    const { core } = fixture;
    const usb = join(scratch, 'usb');
    mkdirSync(usb);
    await confirmAdmin(core);
    unwrap(
      await core.call('admin', 'settings.update', { backupFolder: usb, backupKeep: 2, autoBackup: true }),
    );
    const { runDueBackup } = await import('../../../src-main/modules/backup/backup.schedule');
    let now = Date.now();
    const state = core.state as unknown as { options: { clock?: () => Date } };
    state.options.clock = () => new Date(now);
    const results: string[] = [];
    for (let day = 0; day < 4; day++) {
      results.push(runDueBackup(core.state));
      results.push(runDueBackup(core.state)); // same day: not due
      now += 24 * 60 * 60 * 1000 + 1000;
    }
    expect(results).toEqual(['done', 'not-due', 'done', 'not-due', 'done', 'not-due', 'done', 'not-due']);
    expect(readdirSync(usb).filter((f) => f.endsWith('-auto.cdbk'))).toHaveLength(2);
    rmSync(usb, { recursive: true });
    expect(runDueBackup(core.state)).toBe('failed');
    // Four days went by: the 12-hour session is long over.
    unwrap(await core.call('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
    const status = unwrap(await core.call('admin', 'backup.status', {}));
    expect(status.lastAutoError).toMatch(/does not exist or cannot be reached/);
    expect(status.onDataDisk).toBe(false);
    const failures = unwrap(await core.call('admin', 'audit.list', { action: 'backup.failed' })).rows;
    expect(failures).toHaveLength(1);
  });
});
