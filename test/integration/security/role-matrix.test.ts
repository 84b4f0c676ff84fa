import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channelNames,
  contract,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  roleHas,
  type Permission,
  type Role,
} from '../../../shared/contract';
import { addStaff, facilityWithAdmin } from './support';

/**
 * THE POLICY, written out so a reviewer reads it here and a change to the code's own table fails this test.
 * x = the role holds the right. Admins run the system but never see patient records; researchers see only
 * de-identified exports; the audit trail is for admins and managers only.
 */
// prettier-ignore
const POLICY: Record<Exclude<Permission, 'public' | 'session'>, Record<Role, '' | 'x'>> = {
  //                        admin     manager   clinician clerk     researcher
  'facility.read':        { admin: 'x', manager: 'x', clinician: 'x', clerk: 'x', researcher: 'x' },
  'users.manage':         { admin: 'x', manager: '',  clinician: '',  clerk: '',  researcher: ''  },
  'settings.manage':      { admin: 'x', manager: '',  clinician: '',  clerk: '',  researcher: ''  },
  'backup.manage':        { admin: 'x', manager: '',  clinician: '',  clerk: '',  researcher: ''  },
  'audit.read':           { admin: 'x', manager: 'x', clinician: '',  clerk: '',  researcher: ''  },
  'patients.read':        { admin: '',  manager: 'x', clinician: 'x', clerk: 'x', researcher: ''  },
  'patients.write':       { admin: '',  manager: 'x', clinician: 'x', clerk: 'x', researcher: ''  },
  'patients.merge':       { admin: '',  manager: 'x', clinician: '',  clerk: '',  researcher: ''  },
  'visits.write':         { admin: '',  manager: 'x', clinician: 'x', clerk: 'x', researcher: ''  },
  'records.correct':      { admin: '',  manager: 'x', clinician: '',  clerk: '',  researcher: ''  },
  'referrals.write':      { admin: '',  manager: 'x', clinician: 'x', clerk: '',  researcher: ''  },
  'directory.manage':     { admin: 'x', manager: 'x', clinician: '',  clerk: '',  researcher: ''  },
  'reports.read':         { admin: '',  manager: 'x', clinician: '',  clerk: '',  researcher: ''  },
  'exports.deidentified': { admin: '',  manager: 'x', clinician: '',  clerk: '',  researcher: 'x' },
  'exchange.manage':      { admin: '',  manager: 'x', clinician: '',  clerk: '',  researcher: ''  },
  'reports.freeze':       { admin: '',  manager: 'x', clinician: '',  clerk: '',  researcher: ''  },
  'programmes.manage':    { admin: '',  manager: 'x', clinician: '',  clerk: '',  researcher: ''  },
  'programmes.enrol':     { admin: '',  manager: 'x', clinician: 'x', clerk: '',  researcher: ''  },
  'cmam.read':            { admin: '',  manager: 'x', clinician: 'x', clerk: 'x', researcher: ''  },
  'cmam.write':           { admin: '',  manager: 'x', clinician: 'x', clerk: '',  researcher: ''  },
  'pregnancy.write':      { admin: '',  manager: 'x', clinician: 'x', clerk: '',  researcher: ''  },
  'documents.read':       { admin: '',  manager: 'x', clinician: 'x', clerk: 'x', researcher: ''  },
  'documents.write':      { admin: '',  manager: 'x', clinician: 'x', clerk: 'x', researcher: ''  },
  'sync.manage':          { admin: 'x', manager: '',  clinician: '',  clerk: '',  researcher: ''  },
};

/** Channels whose right is policy too: who may read or export the audit trail, manage staff, back up. */
const PINNED_CHANNELS: Partial<Record<(typeof channelNames)[number], Permission>> = {
  'audit.list': 'audit.read',
  'audit.export': 'audit.read',
  'audit.verify': 'audit.read',
  'users.create': 'users.manage',
  'backup.create': 'backup.manage',
  'settings.update': 'settings.manage',
  'patients.merge': 'patients.merge',
  'exchange.export': 'exchange.manage',
  'exchange.import': 'exchange.manage',
  'exchange.research': 'exports.deidentified',
  'sync.enrol': 'sync.manage',
  'sync.retryRejected': 'sync.manage',
};

const allowedBy = (role: Role, permission: Permission) =>
  permission === 'public' || permission === 'session' || POLICY[permission][role] === 'x';

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

  it('is the written policy: every role holds exactly the rights in the table above', () => {
    expect(Object.keys(POLICY).sort()).toEqual(
      PERMISSIONS.filter((p) => p !== 'public' && p !== 'session').sort(),
    );
    for (const role of ROLES) {
      const expected = (Object.keys(POLICY) as (keyof typeof POLICY)[]).filter(
        (p) => POLICY[p][role] === 'x',
      );
      expect([...ROLE_PERMISSIONS[role]].sort(), role).toEqual(expected.sort());
      for (const permission of PERMISSIONS) {
        expect(roleHas(role, permission), `${role} × ${permission}`).toBe(allowedBy(role, permission));
      }
    }
    for (const [channel, permission] of Object.entries(PINNED_CHANNELS)) {
      expect(contract[channel as keyof typeof contract].permission, channel).toBe(permission);
    }
  });

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
        const allowed = allowedBy(role, contract[channel].permission);
        if (allowed && role === 'admin' && channel === 'database.rekey') continue; // {} is refused by validation anyway
        const result = await core.dispatch(connectionOf[role], channel, {});
        if (allowed) {
          expect(result.ok ? 'ok' : result.code, `${role} → ${channel}`).not.toBe('FORBIDDEN');
        } else {
          expect(result, `${role} → ${channel}`).toEqual({
            ok: false,
            code: 'FORBIDDEN',
            message: 'Your role does not allow this.',
            key: 'core.forbidden',
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

  it('lets managers run programmes, clinicians treat and enrol, clerks only read the CMAM lists', () => {
    expect(ROLES.filter((r) => roleHas(r, 'programmes.manage'))).toEqual(['manager']);
    expect(ROLES.filter((r) => roleHas(r, 'programmes.enrol'))).toEqual(['manager', 'clinician']);
    expect(ROLES.filter((r) => roleHas(r, 'cmam.write'))).toEqual(['manager', 'clinician']);
    expect(ROLES.filter((r) => roleHas(r, 'cmam.read'))).toEqual(['manager', 'clinician', 'clerk']);
    expect(guarded).toEqual(expect.arrayContaining(['cmam.admit', 'cmam.followup', 'programmes.deactivate']));
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
