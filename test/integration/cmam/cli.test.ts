import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, setUpFacility, tempCore, unwrap } from '../../support/core';
import { cli } from '../../support/cli';

const PASSWORD = 'manager password 2026';
const dirs: ReturnType<typeof tempCore>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

/** A facility with a manager (password chosen) and one 14-month-old child; the core is closed again. */
async function facility(): Promise<{ dataDir: string; patientId: string }> {
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
  const birth = new Date();
  birth.setMonth(birth.getMonth() - 14);
  const p = unwrap(
    await core.call('m', 'patients.register', {
      givenName: 'Fatou',
      familyName: 'Kourouma',
      sex: 'female',
      birthDate: birth.toISOString().slice(0, 10),
      village: 'Yende',
      caregiverName: 'Saran Kourouma',
      caregiverRelationship: 'mother',
      caregiverPhone: '+224 622 45 67 89',
    }),
  );
  core.close();
  return { dataDir: core.dataDir, patientId: p.id };
}

const as = (dataDir: string, ...argv: string[]) =>
  cli([...argv, '--data-dir', dataDir, '--user', 'mariam'], { CAREDESK_PASSWORD: PASSWORD });

describe('caredesk cmam', () => {
  it('admits with the proposed programme, lists the caseload as JSON, follows up and exits', async () => {
    const { dataDir, patientId } = await facility();
    const admit = await as(
      dataDir,
      'cmam',
      'admit',
      '--patient',
      patientId,
      '--weight',
      '7.2',
      '--muac',
      '108',
      '--appetite',
      '0.5',
      '--json',
    );
    expect(admit.code).toBe(0);
    const episode = JSON.parse(admit.stdout) as { id: string; number: string; rationPerWeek: number };
    expect(episode).toMatchObject({ number: expect.stringMatching(/^OTP-\d{4}-0001$/), rationPerWeek: 21 });
    const list = await as(dataDir, 'cmam', 'list', '--caseload', '--json');
    expect(JSON.parse(list.stdout)).toMatchObject([{ episodeId: episode.id, missedVisits: 0 }]);
    const again = await as(
      dataDir,
      'cmam',
      'admit',
      '--patient',
      patientId,
      '--weight',
      '7.2',
      '--muac',
      '108',
      '--appetite',
      '0.5',
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has an open episode/);
    const bad = await as(dataDir, 'cmam', 'followup', '--episode', episode.id, '--weight', 'heavy');
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toMatch(/--weight must be a number/);
    const future = await as(
      dataDir,
      'cmam',
      'exit',
      '--episode',
      episode.id,
      '--type',
      'cured',
      '--date',
      '2999-01-01',
    );
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/exitDate/);
    const exit = await as(
      dataDir,
      'cmam',
      'exit',
      '--episode',
      episode.id,
      '--type',
      'moved-other',
      '--notes',
      'Family moved',
    );
    expect(exit.code).toBe(0);
    expect(exit.stdout).toMatch(/closed on .*: moved-other/);
    expect((await as(dataDir, 'cmam', 'list', '--defaulters')).stdout).toBe('No child has missed a visit.\n');
  }, 120_000); // nine sign-ins, each with the real password hashing
});
