import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, readBackupHeader } from '../../../src-main/db/backup';
import { parseVault, userTag } from '../../../src-main/security/vault';
import { ADMIN, tempCore, unwrap } from '../../support/core';
import { facilityWithAdmin } from './support';

/** A copy of a backup whose header JSON is replaced by `edit(header)` (lengths and bytes kept consistent). */
function withEditedHeader(file: string, edit: (header: Record<string, unknown>) => void): string {
  const bytes = readFileSync(file);
  const { header, dataOffset } = readBackupHeader(file);
  const changed = structuredClone(header) as unknown as Record<string, unknown>;
  edit(changed);
  const json = Buffer.from(JSON.stringify(changed), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const out = `${file}.edited.cdbk`;
  writeFileSync(out, Buffer.concat([BACKUP_MAGIC, length, json, bytes.subarray(dataOffset)]));
  return out;
}

describe('restore without sign-in is no password oracle', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });

  async function backupAndRestart() {
    const fixture = await facilityWithAdmin();
    const backup = unwrap(await fixture.core.call('admin', 'backup.create', {}));
    fixture.core.close();
    const core = tempCore(fixture.core.dataDir);
    cleanup.push(() => core.dispose());
    return { core, backup, recoveryCode: fixture.recoveryCode };
  }

  it('on a working PC: no password is tried and the current database is never opened', async () => {
    const { core, backup } = await backupAndRestart();
    const right = await core.call('x', 'backup.restoreWithoutSignIn', {
      file: backup.file,
      credentials: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
    });
    expect(right).toMatchObject({ ok: false, code: 'CONFLICT' });
    // Before, the right password opened today's database (a yes/no oracle on the live vault).
    expect(core.state.database).toBeNull();
    const wrong = await core.call('x', 'backup.restoreWithoutSignIn', {
      file: backup.file,
      credentials: { kind: 'password', username: ADMIN.username, password: 'not the password' },
    });
    expect(wrong).toEqual(right);
  });

  it('checks the backup file before any password', async () => {
    const { core } = await backupAndRestart();
    const junk = join(core.dataDir, 'junk.cdbk');
    writeFileSync(junk, 'not a backup at all');
    const result = await core.call('x', 'backup.restoreWithoutSignIn', {
      file: junk,
      credentials: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!result.ok) expect(result.message).toMatch(/is not a CareDesk backup file/);
    expect(core.state.database).toBeNull();
  });

  it('on a new PC: each attempt counts in the account’s throttle and is audited once a database opens', async () => {
    const { core: original, backup, recoveryCode } = await backupAndRestart();
    original.close();
    const freshDir = mkdtempSync(join(tmpdir(), 'caredesk-new-pc-'));
    const fresh = tempCore(freshDir);
    cleanup.push(() => fresh.dispose());
    const tag = userTag(
      parseVault(JSON.stringify(readBackupHeader(backup.file).header.vault)),
      ADMIN.username,
    );
    const guess = (password: string) =>
      fresh.call('x', 'backup.restoreWithoutSignIn', {
        file: backup.file,
        credentials: { kind: 'password', username: ADMIN.username, password },
      });
    for (let i = 0; i < 5; i++) expect(await guess(`guess ${i}`)).toMatchObject({ code: 'VALIDATION' });
    expect(fresh.state.throttle.failuresOf(tag)).toBe(5);
    // The sixth guess, even the right password, waits out the back-off.
    expect(await guess(ADMIN.password)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // The recovery code has its own counter: the restore goes ahead, and the failures are in its audit.
    unwrap(
      await fresh.call('x', 'backup.restoreWithoutSignIn', {
        file: backup.file,
        credentials: { kind: 'recovery', recoveryCode },
      }),
    );
    // The account's back-off (1 s after five failures) applies to its sign-in too.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    unwrap(await fresh.call('a', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
    const failed = unwrap(await fresh.call('a', 'audit.list', { action: 'backup.restore.failed' })).rows;
    expect(failed).toHaveLength(5);
    rmSync(freshDir, { recursive: true, force: true });
  });

  it('refuses a backup whose key settings are out of bounds, before any key derivation (t = 2^31)', async () => {
    const { core, backup } = await backupAndRestart();
    const hostile = withEditedHeader(backup.file, (header) => {
      const vault = header.vault as { slots: { kind: string; kdf: { t: number } }[] };
      for (const slot of vault.slots) if (slot.kind === 'password') slot.kdf.t = 2 ** 31;
    });
    core.close();
    const fresh = tempCore(mkdtempSync(join(tmpdir(), 'caredesk-new-pc-')));
    cleanup.push(() => fresh.dispose());
    const result = await fresh.call('x', 'backup.restoreWithoutSignIn', {
      file: hostile,
      credentials: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!result.ok) expect(result.message).toMatch(/password settings CareDesk never uses/);
  });
});
