import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, unwrap } from '../../support/core';
import { auditActions, confirmAdmin, facilityWithAdmin, NEW_PASSWORD } from './support';

describe('staff accounts', () => {
  let fixture: Awaited<ReturnType<typeof facilityWithAdmin>> | undefined;
  afterEach(() => fixture?.core.dispose());

  it('creates an account whose temporary password must be changed before anything else', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    const created = unwrap(
      await core.call('admin', 'users.create', {
        username: 'Fanta.K',
        fullName: 'Fanta Kamara',
        role: 'clinician',
      }),
    );
    expect(created.user).toMatchObject({
      username: 'fanta.k',
      role: 'clinician',
      mustChangePassword: true,
      active: true,
      hasKeySlot: true,
    });
    expect(created.temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const session = unwrap(
      await core.call('f', 'auth.login', { username: 'fanta.k', password: created.temporaryPassword }),
    );
    expect(session.mustChangePassword).toBe(true);
    expect(await core.call('f', 'home.summary', {})).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: 'Please change your temporary password first.',
      key: 'core.mustChangePassword',
    });
    const same = await core.call('f', 'auth.changePassword', {
      currentPassword: created.temporaryPassword,
      newPassword: created.temporaryPassword,
    });
    expect(same).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'newPassword' }] });
    const changed = unwrap(
      await core.call('f', 'auth.changePassword', {
        currentPassword: created.temporaryPassword,
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(changed.mustChangePassword).toBe(false);
    unwrap(await core.call('f', 'home.summary', {}));
    expect(
      await core.call('g', 'auth.login', { username: 'fanta.k', password: created.temporaryPassword }),
    ).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    unwrap(await core.call('g', 'auth.login', { username: 'fanta.k', password: NEW_PASSWORD }));
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    expect(
      await core.call('admin', 'users.create', { username: 'fanta.k', fullName: 'Again', role: 'clerk' }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      fields: [{ path: 'username', message: 'is already taken' }],
    });
  });

  it('refuses common passwords and ones built from names, explaining why', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    const created = unwrap(
      await core.call('admin', 'users.create', {
        username: 'moussa',
        fullName: 'Moussa Camara',
        role: 'clerk',
      }),
    );
    unwrap(await core.call('m', 'auth.login', { username: 'moussa', password: created.temporaryPassword }));
    const cases: [string, RegExp][] = [
      ['password1234', /commonly used password/],
      ['moussacamara1', /too close to your name/],
      ['Kissidougou2026!', /too close to your name, your username or the facility name/],
      ['qwertyuiopas', /commonly used|too easy to guess/],
      ['short', /at least 10 characters/],
    ];
    for (const [password, reason] of cases) {
      const result = await core.call('m', 'auth.changePassword', {
        currentPassword: created.temporaryPassword,
        newPassword: password,
      });
      expect(result.ok, password).toBe(false);
      if (!result.ok) expect(result.fields?.[0]?.message, password).toMatch(reason);
    }
    // Before sign-in the meter does not know the facility's name: it cannot confirm a guess of it.
    const guess = { password: 'Kissidougou Health Centre' };
    expect(unwrap(await core.call('stranger', 'auth.passwordStrength', guess)).problems).not.toContain(
      'context',
    );
    expect(unwrap(await core.call('admin', 'auth.passwordStrength', guess)).problems).toContain('context');
    const meter = unwrap(await core.call('m', 'auth.passwordStrength', { password: 'moussa2024' }));
    expect(meter).toMatchObject({ acceptable: false, problems: ['context'] });
    const good = unwrap(await core.call('m', 'auth.passwordStrength', { password: 'Ünïcødé pässwörd ñ' }));
    expect(good).toMatchObject({ acceptable: true, problems: [] });
    expect(good.score).toBeGreaterThanOrEqual(3);
  });

  it('role changes and resets need the admin password re-entered within 5 minutes, and are audited', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    let now = Date.now();
    (core.state as unknown as { options: { clock?: () => Date } }).options.clock = () => new Date(now);
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    const { user } = unwrap(
      await core.call('admin', 'users.create', { username: 'awa', fullName: 'Awa Bah', role: 'clerk' }),
    );
    now += 6 * 60_000; // the confirmation given for the creation has lapsed
    expect(await core.call('admin', 'users.setRole', { id: user.id, role: 'clinician' })).toMatchObject({
      ok: false,
      code: 'REAUTH_REQUIRED',
    });
    expect(await core.call('admin', 'users.resetPassword', { id: user.id })).toMatchObject({
      ok: false,
      code: 'REAUTH_REQUIRED',
    });
    expect(await core.call('admin', 'auth.confirmPassword', { password: 'wrong password' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [{ path: 'password', message: 'is not your password' }],
    });
    await confirmAdmin(core);
    expect(unwrap(await core.call('admin', 'users.setRole', { id: user.id, role: 'clinician' })).role).toBe(
      'clinician',
    );
    now += 5 * 60_000 + 1;
    expect(await core.call('admin', 'users.setRole', { id: user.id, role: 'manager' })).toMatchObject({
      ok: false,
      code: 'REAUTH_REQUIRED',
    });
    await confirmAdmin(core);
    const reset = unwrap(await core.call('admin', 'users.resetPassword', { id: user.id }));
    expect(reset.user.mustChangePassword).toBe(true);
    const log = auditActions(core);
    expect(log.map((r) => r.action)).toEqual(
      expect.arrayContaining(['reauth.failed', 'user.role', 'user.password.reset']),
    );
    expect(log.find((r) => r.action === 'user.role')?.detail).toBe('awa: clerk → clinician');
  });

  it('deactivates without deleting: sessions end, the key slot goes, sign-in fails like any wrong password', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const events: string[] = [];
    (core.state.options as { emit?: unknown }).emit = (
      connectionId: string,
      _e: string,
      p: { reason: string },
    ) => events.push(`${connectionId}:${p.reason}`);
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    const created = unwrap(
      await core.call('admin', 'users.create', { username: 'kadi', fullName: 'Kadi', role: 'clerk' }),
    );
    unwrap(await core.call('k', 'auth.login', { username: 'kadi', password: created.temporaryPassword }));
    const vaultBefore = JSON.parse(readFileSync(join(core.dataDir, 'vault.json'), 'utf8')).slots.length;
    // The confirmation made for the creation has lapsed (5 minutes) by the time of the deactivation.
    const later = Date.now() + 6 * 60_000;
    (core.state as unknown as { options: { clock?: () => Date } }).options.clock = () => new Date(later);
    // Step-up: deactivating needs the admin password re-entered.
    expect(
      await core.call('admin', 'users.deactivate', { id: created.user.id, reason: 'left the facility' }),
    ).toMatchObject({ ok: false, code: 'REAUTH_REQUIRED' });
    await confirmAdmin(core);
    const off = unwrap(
      await core.call('admin', 'users.deactivate', { id: created.user.id, reason: 'left the facility' }),
    );
    expect(off).toMatchObject({ active: false, hasKeySlot: false });
    expect(events).toContain('k:ended');
    expect(await core.call('k', 'home.summary', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(JSON.parse(readFileSync(join(core.dataDir, 'vault.json'), 'utf8')).slots.length).toBe(
      vaultBefore - 1,
    );
    expect(
      await core.call('k2', 'auth.login', { username: 'kadi', password: created.temporaryPassword }),
    ).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: 'Username or password is incorrect.',
    });
    expect(unwrap(await core.call('admin', 'users.list', {})).users.map((u) => u.username)).toContain('kadi');
    await confirmAdmin(core);
    const back = unwrap(await core.call('admin', 'users.reactivate', { id: created.user.id }));
    expect(back.user).toMatchObject({ active: true, mustChangePassword: true, hasKeySlot: true });
    unwrap(await core.call('k3', 'auth.login', { username: 'kadi', password: back.temporaryPassword }));
  });

  it('never leaves the facility without an active admin, and refuses self-deactivation', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const adminId = core.state.sessions.get('admin')!.userId;
    await confirmAdmin(core);
    expect(await core.call('admin', 'users.deactivate', { id: adminId, reason: 'x' })).toMatchObject({
      code: 'CONFLICT',
    });
    const demote = await core.call('admin', 'users.setRole', { id: adminId, role: 'manager' });
    expect(demote).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (!demote.ok) expect(demote.message).toMatch(/no active administrator/);
  });

  it('edits a full name with a version check, and rejects a stale edit', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    const { user } = unwrap(
      await core.call('admin', 'users.create', { username: 'ibrahim', fullName: 'Ibrahim', role: 'clerk' }),
    );
    const edited = unwrap(
      await core.call('admin', 'users.update', {
        id: user.id,
        fullName: 'Ibrahim Sow',
        version: user.version,
      }),
    );
    expect(edited).toMatchObject({ fullName: 'Ibrahim Sow', version: user.version + 1 });
    expect(
      await core.call('admin', 'users.update', { id: user.id, fullName: 'Other', version: user.version }),
    ).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await core.call('admin', 'users.update', { id: 'nope', fullName: 'X', version: 1 })).toMatchObject(
      { code: 'NOT_FOUND' },
    );
  });

  it('names nobody in vault.json and keeps the admin password out of every file', async () => {
    fixture = await facilityWithAdmin();
    const vault = readFileSync(join(fixture.core.dataDir, 'vault.json'), 'utf8');
    expect(vault).not.toContain(ADMIN.username);
    expect(vault).not.toContain(ADMIN.password);
  });
});
