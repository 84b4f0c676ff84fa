import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, FACILITY, setUpFacility, tempCore, unwrap } from '../support/core';

describe('first-run setup, sign-in and the home summary', () => {
  let core: ReturnType<typeof tempCore>;
  afterEach(() => core?.dispose());

  it('sets up a facility, signs the admin in and reports live counts', async () => {
    core = tempCore();
    expect(unwrap(await core.call('c1', 'app.status', {})).initialized).toBe(false);
    const code = await setUpFacility(core, 'c1');
    expect(code).toMatch(/^([A-Z0-9]{5}-){5}[A-Z0-9]{5}$/);
    const status = unwrap(await core.call('c1', 'app.status', {}));
    expect(status).toMatchObject({ initialized: true, session: { username: ADMIN.username, role: 'admin' } });
    expect(status.schemaVersion).toBeGreaterThan(0);
    const summary = unwrap(await core.call('c1', 'home.summary', {}));
    expect(summary.facility).toEqual(FACILITY);
    expect(summary.counts).toEqual({
      activeStaff: 1,
      signInsToday: 1,
      patients: 0,
      visitsToday: 0,
      openReferrals: 0,
    });
  });

  it('refuses a second setup on the same data folder', async () => {
    core = tempCore();
    await setUpFacility(core);
    const again = await core.call('x', 'setup.initialize', { facility: FACILITY, admin: ADMIN });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('after a restart only the password opens the database; a wrong one changes nothing', async () => {
    core = tempCore();
    await setUpFacility(core);
    core.close();
    const before = snapshot(core.dataDir);
    const restarted = tempCore(core.dataDir);
    const wrong = await restarted.call('c2', 'auth.login', {
      username: ADMIN.username,
      password: 'not the password',
    });
    expect(wrong).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: 'Username or password is incorrect.',
    });
    const unknown = await restarted.call('c2', 'auth.login', {
      username: 'nobody',
      password: ADMIN.password,
    });
    expect(unknown).toEqual(wrong);
    expect(restarted.state.database).toBeNull();
    // Only the sign-in throttle (issue 4: failure counts survive a restart) is new; it names nobody.
    const { 'throttle.json': throttle, ...after } = snapshot(core.dataDir);
    expect(after).toEqual(before);
    expect(Buffer.from(throttle!, 'base64').toString()).not.toContain(ADMIN.username);
    const session = unwrap(
      await restarted.call('c2', 'auth.login', { username: 'AMINA ', password: ADMIN.password }),
    );
    expect(session.username).toBe('amina');
    expect(unwrap(await restarted.call('c2', 'home.summary', {})).counts.signInsToday).toBe(2);
    restarted.close();
  });

  it('answers calls before sign-in with UNAUTHENTICATED, and ends a session on logout', async () => {
    core = tempCore();
    await setUpFacility(core, 'c1');
    expect(await core.call('other-window', 'home.summary', {})).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    unwrap(await core.call('c1', 'auth.logout', {}));
    expect(await core.call('c1', 'home.summary', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

/** Every file's size and bytes: "untouched" means byte-for-byte the same. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = readFileSync(path).toString('base64');
  }
  return out;
}
