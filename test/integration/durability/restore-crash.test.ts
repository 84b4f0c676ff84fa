import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractBackupDatabase, readBackupHeader } from '../../../src-main/db/backup';
import { writeRestoreJournal } from '../../../src-main/modules/backup/restore-journal';
import { dataPaths } from '../../../src-main/core/paths';
import { parseVault } from '../../../src-main/security/vault';
import { ADMIN, FACILITY, tempCore, unwrap } from '../../support/core';
import { facilityWithAdmin } from '../security/support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;

describe('a crash during restore is recovered at the next start', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.core.dispose());

  /** A restore stopped after the vault was set aside and before the database was (the crash window). */
  async function crashMidRestore() {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const backup = unwrap(await core.call('admin', 'backup.create', {}));
    unwrap(await core.call('admin', 'settings.update', { idleLockMinutes: 25 }));
    core.close();
    const paths = dataPaths(core.dataDir);
    const opened = readBackupHeader(backup.file);
    const scratch = join(core.dataDir, 'restore-2026-01-01T00-00-00-000Z.tmp');
    extractBackupDatabase(backup.file, opened, scratch);
    const replacedFolder = join(paths.replaced, '2026-01-01T00-00-00-000Z');
    writeRestoreJournal(paths, {
      format: 1,
      scratch,
      replacedFolder,
      vault: parseVault(JSON.stringify(opened.header.vault)),
    });
    mkdirSync(replacedFolder, { recursive: true });
    renameSync(paths.vault, join(replacedFolder, 'vault.json'));
    return { core, paths, replacedFolder };
  }

  it('finishes the restore: the backup’s database and vault are in place, the old ones kept aside', async () => {
    const { core, paths, replacedFolder } = await crashMidRestore();
    writeFileSync(join(core.dataDir, 'restore-stray.tmp'), 'leftover');
    const again = tempCore(core.dataDir);
    try {
      expect(existsSync(join(core.dataDir, 'restore-journal.json'))).toBe(false);
      expect(existsSync(join(core.dataDir, 'restore-stray.tmp'))).toBe(false);
      expect(existsSync(join(replacedFolder, 'caredesk.db'))).toBe(true);
      unwrap(await again.call('a', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
      // The setting changed after the backup is gone: this is the backup's database.
      expect(unwrap(await again.call('a', 'settings.get', {})).idleLockMinutes).not.toBe(25);
      expect(existsSync(paths.vault)).toBe(true);
    } finally {
      again.close();
    }
  });

  it('undoes the restore when the checked copy is lost: today’s vault and database are put back', async () => {
    const { core, paths, replacedFolder } = await crashMidRestore();
    // The crash came after the database too was set aside, and the extracted copy did not survive it.
    const scratch = join(core.dataDir, 'restore-2026-01-01T00-00-00-000Z.tmp');
    rmSync(scratch, { force: true });
    renameSync(paths.database, join(replacedFolder, 'caredesk.db'));
    for (const side of ['-wal', '-shm']) {
      if (existsSync(`${paths.database}${side}`))
        renameSync(`${paths.database}${side}`, join(replacedFolder, `caredesk.db${side}`));
    }
    expect(existsSync(paths.vault)).toBe(false);
    const again = tempCore(core.dataDir);
    try {
      expect(existsSync(join(core.dataDir, 'restore-journal.json'))).toBe(false);
      expect(existsSync(paths.vault)).toBe(true);
      expect(existsSync(paths.database)).toBe(true);
      expect(existsSync(join(replacedFolder, 'caredesk.db'))).toBe(false);
      unwrap(await again.call('a', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
      // The setting changed after the backup is still there: this is today's database, not the backup's.
      expect(unwrap(await again.call('a', 'settings.get', {})).idleLockMinutes).toBe(25);
      expect(unwrap(await again.call('a', 'audit.verify', {}))).toMatchObject({ ok: true });
    } finally {
      again.close();
    }
  });

  it('first-run setup refuses while a vault.json or a replaced/ folder is there, instead of overwriting keys', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    core.close();
    const paths = dataPaths(core.dataDir);
    const vaultBefore = readFileSync(paths.vault);
    renameSync(paths.database, `${paths.database}.lost`);
    const again = tempCore(core.dataDir);
    try {
      const setup = await again.call('s', 'setup.initialize', { facility: FACILITY, admin: ADMIN });
      expect(setup).toMatchObject({ ok: false, code: 'CONFLICT' });
      if (!setup.ok) expect(setup.message).toMatch(/Restore from a backup/);
      expect(readFileSync(paths.vault).equals(vaultBefore)).toBe(true);
    } finally {
      again.close();
    }
  });
});
