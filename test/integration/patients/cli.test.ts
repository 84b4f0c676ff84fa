import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, setUpFacility, tempCore, unwrap } from '../../support/core';
import { cli } from '../../support/cli';

const MANAGER_PASSWORD = 'manager password 2026';

/** A facility with a manager who has chosen a password, ready for the CLI (the core is closed again). */
async function facilityWithManager(): Promise<string> {
  const core = tempCore();
  await setUpFacility(core, 'admin');
  unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
  const created = unwrap(
    await core.call('admin', 'users.create', { username: 'mariam', fullName: 'Mariam Sow', role: 'manager' }),
  );
  unwrap(await core.call('m', 'auth.login', { username: 'mariam', password: created.temporaryPassword }));
  unwrap(
    await core.call('m', 'auth.changePassword', {
      currentPassword: created.temporaryPassword,
      newPassword: MANAGER_PASSWORD,
    }),
  );
  core.close();
  dirs.push(core);
  return core.dataDir;
}
const dirs: ReturnType<typeof tempCore>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

const as = (dataDir: string, ...argv: string[]) =>
  cli([...argv, '--data-dir', dataDir, '--user', 'mariam'], { CAREDESK_PASSWORD: MANAGER_PASSWORD });

describe('caredesk patients template / import / search', () => {
  it('imports a CSV in one go after checking it, then finds the patients', async () => {
    const dataDir = await facilityWithManager();
    const out = join(dataDir, 'template.csv');
    const template = await as(dataDir, 'patients', 'template', '--out', out);
    expect(template.code).toBe(0);
    const header = readFileSync(out, 'utf8').split('\r\n')[0]!;
    const file = join(dataDir, 'register.csv');
    writeFileSync(
      file,
      `${header}\r\n` +
        'Aminata,Kamara,,F,2024-02-14,,,,,Heremakono,Kissidougou,,Fatoumata Kamara,mother,+224 620 12 34 56,,,\r\n' +
        'Moussa,Traoré,,M,1980-01-01,,,,0655 00 11 22,Firawa,,,,,,,,\r\n',
    );
    const dry = await as(dataDir, 'patients', 'import', '--file', file, '--dry-run');
    expect(dry).toMatchObject({ code: 0, stdout: '2 row(s), 2 without errors.\n' });
    const done = await as(dataDir, 'patients', 'import', '--file', file);
    expect(done.stdout).toContain('Imported 2 patient(s): KSD-01-');
    const found = await as(dataDir, 'patients', 'search', '--query', 'kamara ami');
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(/Aminata Kamara\s+F\s+2 y/);
    const reindex = await cli(['patients', 'reindex', '--data-dir', dataDir, '--user', 'amina'], {
      CAREDESK_PASSWORD: 'correct horse battery staple',
    });
    expect(reindex).toMatchObject({ code: 0, stdout: 'Indexed 2 patient(s).\n' });
    const again = await as(dataDir, 'patients', 'import', '--file', file);
    expect(again.code).toBe(3);
    expect(again.stdout).toContain('row 2: suspected duplicate: looks like');
    expect(again.stderr).toContain('--duplicates import or --duplicates skip');
  });

  it('reports file errors by row and column and imports nothing', async () => {
    const dataDir = await facilityWithManager();
    const file = join(dataDir, 'bad.csv');
    writeFileSync(file, 'given_name,family_name,sex,birth_date\nAdama,Barry,Z,2020-01-01\n');
    const run = await as(dataDir, 'patients', 'import', '--file', file);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('row 2, sex: must be M or F');
    const search = await as(dataDir, 'patients', 'search', '--query', 'barry');
    expect(search.stdout).toBe('No patient found.\n');
  });
});
