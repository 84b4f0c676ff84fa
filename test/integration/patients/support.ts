import { uuidv7 } from '../../../shared/ids';
import type { ChannelName, InputOf, OutputOf, Result, Role } from '../../../shared/contract';
import type { PatientDraft } from '../../../shared/contract/channels/patients';
import { insertUser } from '../../../src-main/modules/users/users.service';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core/core';
import { silentLogger } from '../../../src-main/core/log';
import { FLOOR_KDF } from '../../../src-main/security/kdf';
import { setUpFacility, unwrap } from '../../support/core';

export type TestCore = Core & { dataDir: string; dispose(): void };

/** Like tempCore(), with a clock the test moves. */
export function clockedCore(clock: () => Date): TestCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-patients-'));
  const core = createCore({ dataDir, kdf: FLOOR_KDF, logger: silentLogger, appVersion: 'test', clock });
  return {
    ...core,
    dataDir,
    dispose() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in window of one staff member (sessions started directly: these tests are about records, not login). */
export interface Staff {
  userId: string;
  role: Role;
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  ok<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
}

export interface Clinic {
  core: TestCore;
  manager: Staff;
  clinician: Staff;
  clerk: Staff;
  /** A second clinician, to check "own entries only". */
  colleague: Staff;
  admin: Staff;
  researcher: Staff;
  /** Moves the core's clock (for the 24-hour edit window and "today"). */
  advance(ms: number): void;
  sqlite(): NonNullable<TestCore['state']['database']>['sqlite'];
}

/** A facility with one account per role, signed in on their own windows; the clock starts at `start`. */
export async function clinic(start = new Date('2026-03-10T09:00:00Z')): Promise<Clinic> {
  let now = start.getTime();
  const core = clockedCore(() => new Date(now));
  await setUpFacility(core, 'admin-window');
  const open = core.state.database!;
  // Staff sign in again after the clock jumps (sessions end after 12 hours and lock when idle).
  const signIns: (() => void)[] = [];
  const staff = (role: Role, name: string): Staff => {
    const userId = uuidv7();
    insertUser(
      open.db,
      { id: userId, username: name, fullName: `${name} test`, role },
      null,
      new Date(now).toISOString(),
    );
    const connection = `${name}-window`;
    const signIn = () =>
      core.state.sessions.start(connection, {
        userId,
        username: name,
        fullName: `${name} test`,
        role,
        mustChangePassword: false,
        hasPin: false,
      });
    signIn();
    signIns.push(signIn);
    return {
      userId,
      role,
      call: (channel, input) => core.call(connection, channel, input),
      ok: async (channel, input) => unwrap(await core.call(connection, channel, input)),
    };
  };
  return {
    core,
    manager: staff('manager', 'mariam'),
    clinician: staff('clinician', 'ibrahim'),
    clerk: staff('clerk', 'kadi'),
    colleague: staff('clinician', 'sekou'),
    admin: staff('admin', 'it-admin'),
    researcher: staff('researcher', 'rita'),
    advance: (ms) => {
      now += ms;
      for (const signIn of signIns) signIn();
    },
    sqlite: () => core.state.database!.sqlite,
  };
}

/** A child registered on 2026-03-10 (about 2 years old), caregiver included. */
export function child(overrides: Partial<PatientDraft> = {}): PatientDraft {
  return {
    givenName: 'Aminata',
    familyName: 'Kamara',
    sex: 'female',
    birthDate: '2024-02-14',
    phone: '',
    village: 'Heremakono',
    district: 'Kissidougou',
    caregiverName: 'Fatoumata Kamara',
    caregiverRelationship: 'mother',
    caregiverPhone: '+224 620 12 34 56',
    ...overrides,
  };
}

export function adult(overrides: Partial<PatientDraft> = {}): PatientDraft {
  return {
    givenName: 'Mamadou',
    familyName: 'Diallo',
    sex: 'male',
    birthDate: '1988-06-01',
    phone: '+224 655 00 11 22',
    village: 'Bambaya',
    ...overrides,
  };
}

/** Row counts of every table that matters (a rejected call must leave all of them unchanged). */
export function counts(c: Clinic): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of [
    'patients',
    'patients_fts',
    'visits',
    'referrals',
    'record_history',
    'outbox',
    'registration_counters',
    'directory_facilities',
  ]) {
    out[t] = (c.sqlite().prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

export function auditActions(c: Clinic): {
  action: string;
  entity_id: string | null;
  patient_id: string | null;
  detail: string | null;
  user_id: string | null;
}[] {
  return c
    .sqlite()
    .prepare('SELECT action, entity_id, patient_id, detail, user_id FROM audit_log ORDER BY seq')
    .all() as never;
}
