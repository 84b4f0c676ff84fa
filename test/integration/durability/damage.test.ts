import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, tempCore, unwrap } from '../../support/core';
import { cli } from '../../support/cli';
import { addStaff, facilityWithAdmin } from '../security/support';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

/** A closed facility with data, and a copy of its folder in which one byte of the database is flipped. */
async function damagedCopy(offset: (size: number) => number) {
  const { core, recoveryCode } = await facilityWithAdmin();
  cleanup.push(() => core.dispose());
  for (let i = 0; i < 5; i++) await addStaff(core, `staff${i}`, 'clerk');
  const backup = unwrap(await core.call('admin', 'backup.create', {}));
  core.close();
  const copy = mkdtempSync(join(tmpdir(), 'caredesk-damaged-'));
  cleanup.push(() => rmSync(copy, { recursive: true, force: true }));
  for (const name of readdirSync(core.dataDir)) {
    if (name.startsWith('caredesk.db') || name === 'vault.json')
      copyFileSync(join(core.dataDir, name), join(copy, name));
  }
  const file = join(copy, 'caredesk.db');
  const bytes = readFileSync(file);
  const at = offset(bytes.length);
  bytes[at] = bytes[at]! ^ 0x5a;
  writeFileSync(file, bytes);
  return { copy, bytes, backup, recoveryCode };
}

describe('damage handling', () => {
  for (const [where, offset] of [
    ['the first page', () => 100],
    ['a page in the middle', (size: number) => Math.floor(size / 2)],
    ['the last page', (size: number) => size - 50],
  ] as const) {
    it(`a flipped byte in ${where}: reported in plain words, restore offered, nothing changed, no crash`, async () => {
      const { copy, bytes, backup, recoveryCode } = await damagedCopy(offset);
      const core = tempCore(copy);
      cleanup.push(() => core.close());
      const login = await core.call('w', 'auth.login', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(login.ok).toBe(false);
      if (login.ok) return;
      expect(login.code).toBe('DATABASE');
      expect(login.message).toMatch(
        /^The database file is damaged and cannot be used safely \(.+\)\. Nothing was changed\./,
      );
      expect(login.message).toContain('Restore it from a backup');
      expect(JSON.stringify(login)).not.toMatch(/at .*\.ts:\d+|SqliteError/);
      expect(core.state.database).toBeNull();
      expect(readFileSync(join(copy, 'caredesk.db')).equals(bytes)).toBe(true);
      // The offered way out works without a sign-in, because nothing working would be overwritten.
      const restored = await core.call('w', 'backup.restoreWithoutSignIn', {
        file: backup.file,
        credentials: { kind: 'recovery', recoveryCode },
      });
      expect(restored).toMatchObject({ ok: true });
      unwrap(await core.call('w', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
      expect(unwrap(await core.call('w', 'system.status', {})).quickCheck).toBe('ok');
    });
  }

  it('the CLI says the same in one line and exits non-zero', async () => {
    const { copy } = await damagedCopy((size) => Math.floor(size / 2));
    const result = await cli(['status', '--data-dir', copy, '--user', ADMIN.username], {
      CAREDESK_PASSWORD: ADMIN.password,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^caredesk status: The database file is damaged .*caredesk restore`\.\n$/);
  });

  it('a failing disk write surfaces as an error and leaves no half-written record', async () => {
    const { core } = await facilityWithAdmin();
    cleanup.push(() => core.dispose());
    const { sqlite } = core.state.database!;
    const count = () =>
      sqlite
        .prepare('SELECT (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM audit_log) AS a')
        .get() as { u: number; a: number };
    const before = count();
    // Simulate a full disk: the database may not grow by a single page.
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    let result;
    for (let i = 0; i < 50; i++) {
      result = await core.call('admin', 'users.create', {
        username: `bulk${i}`,
        fullName: 'X'.repeat(100),
        role: 'clerk',
      });
      if (!result.ok) break;
    }
    expect(result).toMatchObject({ ok: false, code: 'DATABASE' });
    if (result && !result.ok) expect(result.message).toMatch(/could not save to its disk.*Nothing was saved/);
    const after = count();
    // Every account that exists has its audit row; the failed one has neither.
    expect(after.a - before.a).toBe(after.u - before.u);
    expect(unwrap(await core.call('admin', 'audit.verify', {}))).toMatchObject({ ok: true });
    const vault = readFileSync(join(core.dataDir, 'vault.json'), 'utf8');
    expect(JSON.parse(vault).slots).toHaveLength(2 + (after.u - before.u));
  });
});
