import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli';
import { ADMIN, setUpFacility, tempCore, unwrap } from '../../support/core';
import { child } from '../patients/support';
import { pdfFile, photo, windowsProgram, withGpsExif } from './files';

const PASSWORD = 'clinician password 2026';
const dirs: ReturnType<typeof tempCore>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

/** A facility with a clinician and one registered child; returns the data folder and the child's number. */
async function facility(): Promise<{ dataDir: string; reg: string }> {
  const core = tempCore();
  dirs.push(core);
  await setUpFacility(core, 'admin');
  unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
  const created = unwrap(
    await core.call('admin', 'users.create', {
      username: 'ibrahim',
      fullName: 'Ibrahim Camara',
      role: 'clinician',
    }),
  );
  unwrap(await core.call('c', 'auth.login', { username: 'ibrahim', password: created.temporaryPassword }));
  unwrap(
    await core.call('c', 'auth.changePassword', {
      currentPassword: created.temporaryPassword,
      newPassword: PASSWORD,
    }),
  );
  const patient = unwrap(await core.call('c', 'patients.register', child()));
  core.close();
  return { dataDir: core.dataDir, reg: patient.registrationNumber };
}

const as = (dataDir: string, ...argv: string[]) =>
  cli([...argv, '--data-dir', dataDir, '--user', 'ibrahim'], { CAREDESK_PASSWORD: PASSWORD });

describe('caredesk documents add / list', () => {
  it('attaches a photo and a PDF, refuses a renamed program, and lists them', async () => {
    const { dataDir, reg } = await facility();
    const jpg = join(dataDir, 'IMG_0001.jpg');
    writeFileSync(jpg, withGpsExif(await photo(2400, 1600)));
    const added = await as(
      dataDir,
      'documents',
      'add',
      '--patient',
      reg,
      '--file',
      jpg,
      '--title',
      'Fiche de labo',
      '--category',
      'lab-result',
      '--date',
      '2026-01-05',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Attached \S+ \(image\/jpeg, \d+ bytes, 2000×1333 px\) to KSD-01-/);

    const pdf = join(dataDir, 'letter.pdf');
    writeFileSync(pdf, pdfFile(1000));
    expect(
      (
        await as(
          dataDir,
          'documents',
          'add',
          '--patient',
          reg,
          '--file',
          pdf,
          '--title',
          'Referral letter',
          '--category',
          'referral-letter',
          '--date',
          '2026-01-06',
        )
      ).code,
    ).toBe(0);

    const fake = join(dataDir, 'resultat.pdf');
    writeFileSync(fake, windowsProgram());
    const refused = await as(dataDir, 'documents', 'add', '--patient', reg, '--file', fake, '--title', 'Lab');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Only PDF, JPEG and PNG files can be attached');
    expect(refused.stderr).toContain('file is EXE content, not a PDF, JPEG or PNG');

    const listed = await as(dataDir, 'documents', 'list', '--patient', reg);
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^2026-01-06 {2}referral-letter +application\/pdf +\d+ KB {2}Referral letter$/),
      expect.stringMatching(/^2026-01-05 {2}lab-result +image\/jpeg +\d+ KB {2}Fiche de labo$/),
    ]);
    const json = JSON.parse(
      (await as(dataDir, 'documents', 'list', '--patient', reg, '--json')).stdout,
    ) as object[];
    expect(json).toHaveLength(2);
    expect(JSON.stringify(json)).not.toContain('thumbnail');

    expect((await as(dataDir, 'documents', 'list', '--patient', 'KSD-01-1999-999999')).stderr).toContain(
      'no patient has the registration number',
    );
  }, 120_000);
});
