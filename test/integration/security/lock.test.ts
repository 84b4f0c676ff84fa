import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, tempCore, unwrap } from '../../support/core';
import { addStaff, auditActions, facilityWithAdmin, NEW_PASSWORD } from './support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;

/** A clinician signed in on "c" with a PIN, a controllable clock and the events each window received. */
async function clinicianWithPin(fixture: Fixture) {
  const { core } = fixture;
  let now = Date.now();
  const events: string[] = [];
  const options = core.state.options as { clock?: () => Date; emit?: unknown };
  options.clock = () => new Date(now);
  options.emit = (connectionId: string, _event: string, payload: { reason: string }) =>
    events.push(`${connectionId}:${payload.reason}`);
  const staff = await addStaff(core, 'fanta', 'clinician', 'c', NEW_PASSWORD);
  unwrap(await core.call('c', 'auth.setPin', { pin: '2580', password: NEW_PASSWORD }));
  return { ...staff, events, advance: (ms: number) => (now += ms) };
}

describe('lock screen, PIN and session limits', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.core.dispose());

  it('sets a PIN only with the password, refusing easy ones', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    await addStaff(core, 'awa', 'clerk', 'a', NEW_PASSWORD);
    for (const pin of ['1111', '1234', '987654']) {
      const result = await core.call('a', 'auth.setPin', { pin, password: NEW_PASSWORD });
      expect(result, pin).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'pin' }] });
    }
    expect(await core.call('a', 'auth.setPin', { pin: '12a4', password: NEW_PASSWORD })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await core.call('a', 'auth.setPin', { pin: '2580', password: 'wrong password' })).toMatchObject({
      fields: [{ path: 'password', message: 'is not your password' }],
    });
    expect(
      unwrap(await core.call('a', 'auth.setPin', { pin: '258046', password: NEW_PASSWORD })).hasPin,
    ).toBe(true);
    const hash = core.state
      .database!.sqlite.prepare("SELECT pin_hash FROM users WHERE username = 'awa'")
      .get() as { pin_hash: string };
    expect(hash.pin_hash).toMatch(/^\$argon2id\$/);
    expect(hash.pin_hash).not.toContain('258046');
    expect(unwrap(await core.call('a', 'auth.clearPin', {})).hasPin).toBe(false);
  });

  it('locks on demand; a locked window can only unlock or switch user; the PIN unlocks it', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const c = await clinicianWithPin(fixture);
    expect(unwrap(await core.call('c', 'session.lock', {})).locked).toBe(true);
    expect(c.events).toContain('c:locked');
    expect(unwrap(await core.call('c', 'app.status', {})).session).toMatchObject({
      locked: true,
      hasPin: true,
      username: 'fanta',
    });
    expect(await core.call('c', 'home.summary', {})).toEqual({
      ok: false,
      code: 'LOCKED',
      message: 'CareDesk is locked. Unlock it with your PIN or password.',
      key: 'core.sessionLocked',
    });
    // Another window of the same PC is not affected.
    unwrap(await core.call('admin', 'home.summary', {}));
    expect(await core.call('c', 'session.unlock', { pin: '0000' })).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'pin', message: 'is not correct (4 tries left)' }],
    });
    expect(unwrap(await core.call('c', 'session.unlock', { pin: '2580' })).locked).toBe(false);
    unwrap(await core.call('c', 'home.summary', {}));
    unwrap(await core.call('c', 'session.lock', {}));
    expect(unwrap(await core.call('c', 'session.unlock', { password: NEW_PASSWORD })).locked).toBe(false);
    const actions = auditActions(core).map((r) => r.action);
    expect(actions.filter((a) => a === 'session.lock')).toHaveLength(2);
    expect(actions.filter((a) => a === 'session.unlock')).toHaveLength(2);
    expect(actions).toContain('unlock.failed');
  });

  it('five wrong PINs end the session: the password is needed again', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const c = await clinicianWithPin(fixture);
    unwrap(await core.call('c', 'session.lock', {}));
    for (let i = 1; i <= 4; i++) {
      expect(await core.call('c', 'session.unlock', { pin: '1357' })).toMatchObject({ code: 'VALIDATION' });
    }
    expect(await core.call('c', 'session.unlock', { pin: '1357' })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    expect(c.events).toContain('c:ended');
    expect(unwrap(await core.call('c', 'app.status', {})).session).toBeNull();
    expect(await core.call('c', 'session.unlock', { pin: '2580' })).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    unwrap(await core.call('c', 'auth.login', { username: 'fanta', password: NEW_PASSWORD }));
    expect(
      auditActions(core).some((r) => r.action === 'session.end' && r.detail === '5 wrong unlock attempts'),
    ).toBe(true);
  });

  it('locks after the idle time from settings, counts activity, and ends sessions after 12 hours', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const c = await clinicianWithPin(fixture);
    unwrap(await core.call('admin', 'settings.update', { idleLockMinutes: 5 }));
    expect(unwrap(await core.call('c', 'settings.get', {})).idleLockMinutes).toBe(5);
    c.advance(4 * 60_000);
    const touched = unwrap(await core.call('c', 'session.touch', {}));
    expect(touched.idleLockMinutes).toBe(5);
    c.advance(4 * 60_000);
    unwrap(await core.call('c', 'home.summary', {})); // 4 min since the touch: still open
    c.advance(5 * 60_000);
    core.state.sessions.sweep(); // what the core's timer does every 15 s
    expect(c.events).toContain('c:locked');
    expect(await core.call('c', 'home.summary', {})).toMatchObject({ code: 'LOCKED' });
    unwrap(await core.call('c', 'session.unlock', { pin: '2580' }));
    const idleRow = auditActions(core).find((r) => r.action === 'session.lock' && r.detail === 'idle');
    expect(idleRow).toBeDefined();
    c.advance(12 * 60 * 60_000);
    expect(await core.call('c', 'session.unlock', { pin: '2580' })).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(c.events).toContain('c:expired');
  });

  it('"switch user" from the lock screen ends the session cleanly', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const c = await clinicianWithPin(fixture);
    unwrap(await core.call('c', 'session.lock', {}));
    unwrap(await core.call('c', 'auth.logout', {}));
    expect(c.events).toContain('c:logout');
    expect(unwrap(await core.call('c', 'app.status', {})).session).toBeNull();
    const row = auditActions(core).at(-1)!;
    expect(row).toMatchObject({ action: 'logout', detail: 'from the lock screen (switch user)' });
    unwrap(await core.call('c', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
  });

  it('after a restart the PIN opens nothing: only the password', async () => {
    fixture = await facilityWithAdmin();
    await clinicianWithPin(fixture);
    fixture.core.close();
    const restarted = tempCore(fixture.core.dataDir);
    try {
      expect(await restarted.call('c', 'session.unlock', { pin: '2580' })).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect(await restarted.call('c', 'auth.login', { username: 'fanta', password: '2580' })).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect(restarted.state.database).toBeNull();
      unwrap(await restarted.call('c', 'auth.login', { username: 'fanta', password: NEW_PASSWORD }));
    } finally {
      restarted.close();
    }
  });
});
