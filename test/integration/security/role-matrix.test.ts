import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract, ROLES, roleHas, type Role } from '../../../shared/contract';
import { addStaff, facilityWithAdmin } from './support';

/**
 * Every channel × every role, straight from the contract: channels other engineers add later are covered
 * without touching this file. The router refuses before parsing input, so `{}` is enough for every channel.
 */
describe('role matrix', () => {
  let fixture: Awaited<ReturnType<typeof facilityWithAdmin>>;
  const connectionOf: Record<Role, string> = {
    admin: 'admin',
    manager: 'manager',
    clinician: 'clinician',
    clerk: 'clerk',
    researcher: 'researcher',
  };
  const userIdOf = {} as Record<Role, string>;

  beforeAll(async () => {
    fixture = await facilityWithAdmin();
    userIdOf.admin = fixture.core.state.sessions.get('admin')!.userId;
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      userIdOf[role] = (await addStaff(fixture.core, `staff.${role}`, role, connectionOf[role])).id;
    }
  });
  afterAll(() => fixture.core.dispose());

  const guarded = channelNames.filter((c) => !['public', 'session'].includes(contract[c].permission));

  it('covers a real share of the contract', () => {
    expect(guarded.length).toBeGreaterThan(10);
    expect(guarded).toEqual(
      expect.arrayContaining(['users.create', 'audit.list', 'backup.create', 'settings.update']),
    );
  });

  for (const role of ROLES) {
    it(`${role}: refuses (and audits) every channel the role lacks, and no other`, async () => {
      const { core } = fixture;
      const denied = () =>
        core.state
          .database!.sqlite.prepare(
            "SELECT detail FROM audit_log WHERE action = 'access.denied' AND user_id = ? ORDER BY seq",
          )
          .all(userIdOf[role])
          .map((r) => (r as { detail: string }).detail);
      const before = denied().length;
      const refused: string[] = [];
      for (const channel of guarded) {
        const allowed = roleHas(role, contract[channel].permission);
        if (allowed && role === 'admin' && channel === 'database.rekey') continue; // {} is refused by validation anyway
        const result = await core.dispatch(connectionOf[role], channel, {});
        if (allowed) {
          expect(result.ok ? 'ok' : result.code, `${role} → ${channel}`).not.toBe('FORBIDDEN');
        } else {
          expect(result, `${role} → ${channel}`).toEqual({
            ok: false,
            code: 'FORBIDDEN',
            message: 'Your role does not allow this.',
          });
          refused.push(channel);
        }
      }
      expect(denied().slice(before)).toEqual(refused);
    });
  }

  it('gives admins accounts, settings, backups and the audit trail, but no patient records', () => {
    expect(roleHas('admin', 'users.manage')).toBe(true);
    expect(roleHas('admin', 'patients.read')).toBe(false);
    expect(roleHas('manager', 'audit.read')).toBe(true);
    expect(roleHas('manager', 'users.manage')).toBe(false);
    expect(roleHas('researcher', 'patients.read')).toBe(false);
    expect(roleHas('clerk', 'records.correct')).toBe(false);
  });

  it('lets clinicians, managers and clerks (paper register) attach and open documents; never researchers or admins', () => {
    const documentChannels = guarded.filter((c) => c.startsWith('documents.'));
    expect(documentChannels.sort()).toEqual([
      'documents.attach',
      'documents.list',
      'documents.open',
      'documents.void',
    ]);
    for (const channel of documentChannels) {
      const holders = ROLES.filter((r) => roleHas(r, contract[channel].permission));
      expect(holders, channel).toEqual(['manager', 'clinician', 'clerk']);
    }
  });
});
