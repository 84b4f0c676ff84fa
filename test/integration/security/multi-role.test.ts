import { afterEach, describe, expect, it } from 'vitest';
import { actorHas, normalizeRoles, rolesHave } from '../../../shared/contract';
import { ADMIN, FACILITY, tempCore, unwrap } from '../../support/core';
import { confirmAdmin, facilityWithAdmin, NEW_PASSWORD } from './support';

const PATIENT = { givenName: 'Aicha', familyName: 'Condé', sex: 'female', birthDate: '1990-01-01' } as const;

describe('multi-role accounts (issue 16)', () => {
  let core: ReturnType<typeof tempCore> | undefined;
  afterEach(() => core?.dispose());

  it('rights are the union of the roles', () => {
    expect(rolesHave(['admin'], 'patients.write')).toBe(false);
    expect(rolesHave(['admin', 'clinician'], 'patients.write')).toBe(true);
    expect(rolesHave(['admin', 'clinician'], 'users.manage')).toBe(true);
    expect(rolesHave(['clerk', 'researcher'], 'records.correct')).toBe(false);
    expect(actorHas({ role: 'clerk' }, 'patients.write')).toBe(true);
    expect(actorHas({ role: 'admin', roles: ['admin', 'manager'] }, 'records.correct')).toBe(true);
    expect(normalizeRoles(['manager', 'admin', 'manager', 'nurse'])).toEqual(['manager', 'admin']);
  });

  it('setup where the administrator also sees patients: one account registers a patient', async () => {
    core = tempCore();
    const setup = unwrap(
      await core.call('a', 'setup.initialize', {
        facility: FACILITY,
        admin: { ...ADMIN, seesPatients: true },
      }),
    );
    expect(setup.session.roles).toEqual(['admin', 'clinician']);
    unwrap(await core.call('a', 'patients.register', { ...PATIENT }));
    unwrap(await core.call('a', 'users.list', {}));
    const audit = core.state.database!.sqlite.prepare(
      "SELECT role FROM audit_log WHERE action = 'facility.setup'",
    );
    expect(audit.get()).toEqual({ role: 'admin+clinician' });
  });

  it('an administrator alone is refused patient data; adding the manager role grants it at once', async () => {
    const fixture = await facilityWithAdmin();
    core = fixture.core;
    expect(await core.call('admin', 'patients.register', { ...PATIENT })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    const created = unwrap(
      await core.call('admin', 'users.create', {
        username: 'fanta',
        fullName: 'Fanta Kamara',
        role: 'admin',
        roles: ['admin', 'manager'],
      }),
    );
    expect(created.user.roles).toEqual(['admin', 'manager']);
    unwrap(await core.call('f', 'auth.login', { username: 'fanta', password: created.temporaryPassword }));
    const session = unwrap(
      await core.call('f', 'auth.changePassword', {
        currentPassword: created.temporaryPassword,
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(session.roles).toEqual(['admin', 'manager']);
    unwrap(await core.call('f', 'patients.register', { ...PATIENT }));
    unwrap(await core.call('f', 'users.list', {}));

    // The first administrator gains the clinician role; the open session has the new rights at once.
    await confirmAdmin(core);
    const me = unwrap(await core.call('admin', 'users.list', {})).users.find((u) => u.username === 'amina')!;
    const changed = unwrap(
      await core.call('admin', 'users.setRole', { id: me.id, role: 'admin', roles: ['admin', 'clinician'] }),
    );
    expect(changed.roles).toEqual(['admin', 'clinician']);
    unwrap(await core.call('admin', 'patients.register', { ...PATIENT, givenName: 'Kadiatou' }));
    const detail = core.state.database!.sqlite.prepare(
      "SELECT detail FROM audit_log WHERE action = 'user.role' ORDER BY seq DESC LIMIT 1",
    );
    expect(detail.get()).toEqual({ detail: 'amina: admin → admin+clinician' });

    // Dropping admin from fanta is fine (amina is still admin); dropping it from the last one is refused.
    unwrap(
      await core.call('admin', 'users.setRole', { id: created.user.id, role: 'manager', roles: ['manager'] }),
    );
    expect(
      await core.call('admin', 'users.setRole', { id: me.id, role: 'clinician', roles: ['clinician'] }),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(
      await core.call('admin', 'users.setRole', { id: me.id, role: 'admin', roles: [] as never }),
    ).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});
