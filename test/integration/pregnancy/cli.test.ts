import { afterEach, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../../shared/clinical';
import { ADMIN, setUpFacility, tempCore, unwrap } from '../../support/core';
import { cli } from '../../support/cli';

const PASSWORD = 'midwife password 2026';
const dirs: ReturnType<typeof tempCore>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

/** A facility with a clinician (password chosen) and one woman registered; the core is closed again. */
async function facility(): Promise<{ dataDir: string; womanId: string }> {
  const core = tempCore();
  dirs.push(core);
  await setUpFacility(core, 'admin');
  unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
  const created = unwrap(
    await core.call('admin', 'users.create', {
      username: 'fanta',
      fullName: 'Fanta Keita',
      role: 'clinician',
    }),
  );
  unwrap(await core.call('m', 'auth.login', { username: 'fanta', password: created.temporaryPassword }));
  unwrap(
    await core.call('m', 'auth.changePassword', {
      currentPassword: created.temporaryPassword,
      newPassword: PASSWORD,
    }),
  );
  const w = unwrap(
    await core.call('m', 'patients.register', {
      givenName: 'Mariama',
      familyName: 'Camara',
      sex: 'female',
      birthDate: '1998-04-02',
      phone: '+224 622 33 44 55',
      village: 'Heremakono',
    }),
  );
  core.close();
  return { dataDir: core.dataDir, womanId: w.id };
}

describe('caredesk anc register / contact / list / close', () => {
  it('runs the pregnancy from registration to delivery over the channels, with --json output', async () => {
    const { dataDir, womanId } = await facility();
    const as = (...argv: string[]) =>
      cli([...argv, '--data-dir', dataDir, '--user', 'fanta'], { CAREDESK_PASSWORD: PASSWORD });
    const today = localDate(new Date());
    const lmp = addDays(today, -70);
    const reg = await as(
      'anc',
      'register',
      '--patient',
      womanId,
      '--lmp',
      lmp,
      '--gravida',
      '2',
      '--para',
      '1',
      '--json',
    );
    expect(reg.code).toBe(0);
    const p = JSON.parse(reg.stdout) as { id: string; edd: string };
    expect(p.edd).toBe(addDays(lmp, 280));

    const again = await as(
      'anc',
      'register',
      '--patient',
      womanId,
      '--lmp',
      lmp,
      '--gravida',
      '2',
      '--para',
      '1',
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already has an active pregnancy');

    const contact = await as(
      'anc',
      'contact',
      '--pregnancy',
      p.id,
      '--date',
      today,
      '--bp',
      '150/95',
      '--bp-repeat',
      '150/95',
    );
    expect(contact.code).toBe(0);
    expect(contact.stdout).toContain('contact 1 at 10w 0d');
    expect(contact.stdout).toContain('flags: hypertension');
    const early = await as('anc', 'contact', '--pregnancy', p.id, '--date', today, '--iptp');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('13 weeks');

    const due = await as('anc', 'list', '--due', '--on', addDays(lmp, 140), '--json');
    expect(JSON.parse(due.stdout).lines.map((l: { pregnancyId: string }) => l.pregnancyId)).toEqual([p.id]);
    const missed = await as('anc', 'list', '--missed', '--on', addDays(lmp, 20 * 7 + 7 + 14));
    expect(missed.stdout).toContain('Mariama Camara');
    expect(missed.stdout).toContain('+224 622 33 44 55');
    expect((await as('anc', 'list')).code).toBe(2);

    const closed = await as(
      'anc',
      'close',
      '--pregnancy',
      p.id,
      '--date',
      today,
      '--type',
      'delivery',
      '--place',
      'home',
      '--mode',
      'vaginal',
      '--baby',
      'live:female:3.1',
    );
    expect(closed.code).toBe(0);
    expect(closed.stdout).toMatch(/closed: delivery .* babies: \S+-\d{4}-\d+/);
    // Each command signs in with the real key-derivation cost: give the nine runs time on a shared machine.
  }, 180_000);
});
