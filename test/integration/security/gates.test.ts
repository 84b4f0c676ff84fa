import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract, type ChannelName } from '../../../shared/contract';
import { ADMIN, unwrap } from '../../support/core';
import { addStaff, facilityWithAdmin, NEW_PASSWORD } from './support';

/**
 * The lock and temporary-password gates over EVERY channel of the contract (channels added later are covered
 * too). What each gate lets through is written out here as the policy; everything else must be refused before
 * its input is read, so `{}` is enough.
 */
const LOCKED_MAY: readonly ChannelName[] = ['session.unlock', 'session.lock', 'auth.logout'];
const TEMPORARY_PASSWORD_MAY: readonly ChannelName[] = [
  'auth.changePassword',
  'auth.logout',
  'session.lock',
  'session.unlock',
];

describe('lock and temporary-password gates', () => {
  let fixture: Awaited<ReturnType<typeof facilityWithAdmin>>;
  beforeAll(async () => {
    fixture = await facilityWithAdmin();
    // A manager holds the most patient rights, so a leak through either gate shows up on them.
    await addStaff(fixture.core, 'mariam', 'manager', 'locked', NEW_PASSWORD);
    unwrap(await fixture.core.call('locked', 'session.lock', {}));
    unwrap(await fixture.core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    const created = unwrap(
      await fixture.core.call('admin', 'users.create', {
        username: 'kadi',
        fullName: 'Kadi',
        role: 'manager',
      }),
    );
    unwrap(
      await fixture.core.call('temporary', 'auth.login', {
        username: 'kadi',
        password: created.temporaryPassword,
      }),
    );
  });
  afterAll(() => fixture.core.dispose());

  const gated = channelNames.filter((c) => contract[c].permission !== 'public');

  it('gates a real share of the contract', () => {
    expect(gated).toEqual(expect.arrayContaining(['patients.search', 'patients.chart', 'audit.export']));
    expect(fixture.core.state.sessions.get('locked')!.locked).toBe(true);
    expect(fixture.core.state.sessions.get('temporary')!.mustChangePassword).toBe(true);
  });

  for (const channel of gated.filter((c) => !LOCKED_MAY.includes(c))) {
    it(`a locked window cannot call ${channel}`, async () => {
      expect(await fixture.core.dispatch('locked', channel, {})).toEqual({
        ok: false,
        code: 'LOCKED',
        message: 'CareDesk is locked. Unlock it with your PIN or password.',
        key: 'core.sessionLocked',
      });
    });
  }

  for (const channel of gated.filter((c) => !TEMPORARY_PASSWORD_MAY.includes(c))) {
    it(`a session on a temporary password cannot call ${channel}`, async () => {
      expect(await fixture.core.dispatch('temporary', channel, {})).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: 'Please change your temporary password first.',
        key: 'core.mustChangePassword',
      });
    });
  }

  it('lets the locked window unlock and the temporary password be replaced', async () => {
    expect(await fixture.core.dispatch('locked', 'session.unlock', {})).toMatchObject({ code: 'VALIDATION' });
    expect(await fixture.core.dispatch('temporary', 'auth.changePassword', {})).toMatchObject({
      code: 'VALIDATION',
    });
  });
});
