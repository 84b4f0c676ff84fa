import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, setUpFacility, tempCore, unwrap } from '../../support/core';
import { cli } from '../../support/cli';

const PASSWORD = 'manager password 2026';
const dirs: ReturnType<typeof tempCore>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

async function facilityWithManager(register: boolean): Promise<string> {
  const core = tempCore();
  dirs.push(core);
  await setUpFacility(core, 'admin');
  unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
  const created = unwrap(
    await core.call('admin', 'users.create', { username: 'mariam', fullName: 'Mariam Sow', role: 'manager' }),
  );
  unwrap(await core.call('m', 'auth.login', { username: 'mariam', password: created.temporaryPassword }));
  unwrap(
    await core.call('m', 'auth.changePassword', {
      currentPassword: created.temporaryPassword,
      newPassword: PASSWORD,
    }),
  );
  if (register) {
    unwrap(
      await core.call('m', 'patients.register', {
        givenName: 'Aminata',
        familyName: 'Kamara',
        sex: 'female',
        birthDate: '1995-02-14',
      }),
    );
  }
  core.close();
  return core.dataDir;
}

const as = (dataDir: string, ...argv: string[]) =>
  cli([...argv, '--data-dir', dataDir, '--user', 'mariam'], { CAREDESK_PASSWORD: PASSWORD });

describe('caredesk export / import', () => {
  it(
    'exports with progress on stderr, imports into a new folder, refuses a cut file in one line',
    { timeout: 180_000 },
    async () => {
      const from = await facilityWithManager(true);
      const file = join(from, 'facility.cdx');
      const exported = await as(from, 'export', '--format', 'json', '--out', file);
      expect(exported).toMatchObject({ code: 0 });
      expect(exported.stderr).toContain('Exporting: 100%');
      expect(exported.stdout).toMatch(/^Wrote \d+ records/);

      const to = await facilityWithManager(false);
      const cut = join(to, 'cut.cdx');
      writeFileSync(cut, readFileSync(file, 'utf8').split('\n').slice(0, 3).join('\n'));
      const refused = await as(to, 'import', '--file', cut);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /^caredesk import: The file was not imported, nothing was changed: the file ends early, after line 3/,
      );
      expect(refused.stderr.split('\n').filter(Boolean)).toHaveLength(1);

      const imported = await as(to, 'import', '--file', file);
      expect(imported).toMatchObject({ code: 0 });
      expect(imported.stdout).toMatch(/^Rebuilt Kissidougou Health Centre \(KSD-01\): \d+ records added/);

      const bad = await as(to, 'export', '--format', 'xml', '--out', join(to, 'x'));
      expect(bad).toMatchObject({ code: 2 });
      expect(existsSync(join(to, 'x'))).toBe(false);
    },
  );
});
