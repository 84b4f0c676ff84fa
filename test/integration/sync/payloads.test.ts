import { getTableColumns } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../../src-main/db/schema';
import { PAYLOAD_SCHEMAS, PAYLOAD_VERSIONS } from '../../../shared/sync/payloads';
import { child, clinic, type Clinic } from '../patients/support';
import { ADMIN, tempCore, unwrap } from '../../support/core';
import { addStaff, confirmAdmin, facilityWithAdmin } from '../security/support';
import type { Sqlite } from '../../../src-main/db/open';

interface OutboxRow {
  change_id: string;
  entity: string;
  entity_id: string;
  version: number;
  payload_version: number;
  facility_id: string;
  epoch: string;
  payload: string;
  attempts: number;
  last_error: string | null;
  rejected_at: string | null;
}

function rowsOf(sqlite: Sqlite, entity: string, id?: string): OutboxRow[] {
  return sqlite
    .prepare(`SELECT * FROM outbox WHERE entity = ? ${id ? 'AND entity_id = ?' : ''} ORDER BY seq`)
    .all(...(id ? [entity, id] : [entity])) as OutboxRow[];
}

/** The drizzle table's own property names, minus what never leaves the PC. */
function travellingKeys(table: Parameters<typeof getTableColumns>[0]): string[] {
  return Object.keys(getTableColumns(table))
    .filter((k) => k !== 'searchRowid')
    .sort();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sync payloads', () => {
  let c: Clinic | undefined;
  const cores: { dispose(): void }[] = [];
  afterEach(() => {
    c?.core.dispose();
    c = undefined;
    for (const x of cores.splice(0)) x.dispose();
  });

  it('patients, visits, referrals and directory entries travel in their declared shape with change id, facility and epoch', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child({ birthDateEstimated: false }));
    const hospital = await c.manager.ok('directory.create', {
      name: 'Kissidougou Prefectoral Hospital',
      type: 'hospital',
      services: ['SAM inpatient'],
    });
    const v = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      weightKg: 9.6,
      lengthCm: 82,
      measured: 'lying',
      muacMm: 112,
      temperatureC: 37.2,
      diagnoses: [{ text: 'Malaria', icd10: 'B54' }],
    });
    const r = await c.clinician.ok('referrals.create', {
      patientId: p.id,
      visitId: v.id,
      toFacilityId: hospital.id,
      referralDate: '2026-03-10',
      reason: 'SAM with poor appetite',
      urgency: 'urgent',
    });
    const sqlite = c.sqlite();
    const facilityUuid = (sqlite.prepare('SELECT uuid FROM facility').get() as { uuid: string }).uuid;
    const cases = [
      { entity: 'patient', id: p.id, table: schema.patients },
      { entity: 'visit', id: v.id, table: schema.visits },
      { entity: 'referral', id: r.id, table: schema.referrals },
      { entity: 'directory_facility', id: hospital.id, table: schema.directoryFacilities },
    ] as const;
    for (const { entity, id, table } of cases) {
      const [row, ...more] = rowsOf(sqlite, entity, id);
      expect(more, entity).toEqual([]);
      const payload = JSON.parse(row!.payload) as Record<string, unknown>;
      expect(() => PAYLOAD_SCHEMAS[entity].parse(payload), entity).not.toThrow();
      expect(Object.keys(payload).sort(), entity).toEqual(travellingKeys(table));
      expect(row).toMatchObject({
        version: 1,
        payload_version: PAYLOAD_VERSIONS[entity],
        facility_id: facilityUuid,
        attempts: 0,
        last_error: null,
        rejected_at: null,
      });
      expect(row!.change_id).toMatch(UUID);
      expect(row!.epoch).toMatch(UUID);
      expect(payload.voided).toBe(false);
    }
    const patient = JSON.parse(rowsOf(sqlite, 'patient', p.id)[0]!.payload) as Record<string, unknown>;
    expect(patient).toMatchObject({ registrationNumber: p.registrationNumber, birthDateEstimated: false });
    expect(patient).not.toHaveProperty('searchRowid');
    const visit = JSON.parse(rowsOf(sqlite, 'visit', v.id)[0]!.payload) as Record<string, unknown>;
    expect(visit).toMatchObject({
      weightKg: 9.6,
      temperatureC: 37.2,
      diagnoses: [{ text: 'Malaria', icd10: 'B54' }],
      nutritionStatus: 'SAM',
    });
    expect(Array.isArray(visit.nutritionCriteria)).toBe(true);
    const entry = JSON.parse(rowsOf(sqlite, 'directory_facility', hospital.id)[0]!.payload) as Record<
      string,
      unknown
    >;
    expect(entry).toMatchObject({ services: ['SAM inpatient'], active: true });

    // A void travels as the next version, voided, with its reason; the change ids differ.
    await c.clinician.ok('visits.void', {
      id: v.id,
      expectedVersion: 1,
      reason: 'entered on the wrong child',
    });
    const [first, second] = rowsOf(sqlite, 'visit', v.id);
    expect(second!.version).toBe(2);
    expect(second!.change_id).not.toBe(first!.change_id);
    expect(JSON.parse(second!.payload)).toMatchObject({
      voided: true,
      voidReason: 'entered on the wrong child',
      version: 2,
    });
  });

  it('staff accounts travel as a directory entry (no secrets) on create, update and deactivation', async () => {
    const fixture = await facilityWithAdmin();
    cores.push(fixture.core);
    const { core } = fixture;
    const sqlite = () => core.state.database!.sqlite;
    const [admin] = rowsOf(sqlite(), 'user');
    expect(JSON.parse(admin!.payload)).toMatchObject({ username: ADMIN.username, roles: ['admin'] });
    const fanta = await addStaff(core, 'fanta', 'clinician');
    await confirmAdmin(core);
    const current = unwrap(await core.call('admin', 'users.list', {})).users.find((u) => u.id === fanta.id)!;
    unwrap(
      await core.call('admin', 'users.update', {
        id: fanta.id,
        fullName: 'Fanta Camara',
        version: current.version,
      }),
    );
    unwrap(await core.call('admin', 'users.deactivate', { id: fanta.id, reason: 'left the facility' }));
    const rows = rowsOf(sqlite(), 'user', fanta.id);
    expect(rows.length).toBe(3);
    const payloads = rows.map((r) => PAYLOAD_SCHEMAS.user.parse(JSON.parse(r.payload)));
    expect(payloads.map((p) => [p.fullName, p.active])).toEqual([
      ['Staff fanta', true],
      ['Fanta Camara', true],
      ['Fanta Camara', false],
    ]);
    const versions = payloads.map((p) => p.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(3);
    for (const r of rows) expect(r.payload).not.toMatch(/pin|password|lastLogin/i);
  });

  it('a restore and a re-key each start a new database epoch, stamped on the changes made after', async () => {
    const fixture = await facilityWithAdmin();
    cores.push(fixture.core);
    const { core, recoveryCode } = fixture;
    const epochOf = () =>
      (core.state.database!.sqlite.prepare('SELECT epoch FROM sync_state').get() as { epoch: string }).epoch;
    const before = epochOf();
    const scratch = mkdtempSync(join(tmpdir(), 'caredesk-epoch-'));
    try {
      // A backup to a chosen folder needs the password re-entered (step-up).
      unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
      const backup = unwrap(await core.call('admin', 'backup.create', { folder: scratch }));
      unwrap(await core.call('admin', 'database.rekey', { password: ADMIN.password }));
      const afterRekey = epochOf();
      expect(afterRekey).not.toBe(before);
      await addStaff(core, 'awa', 'clerk');
      expect(rowsOf(core.state.database!.sqlite, 'user').at(-1)!.epoch).toBe(afterRekey);

      const fresh = tempCore();
      cores.push(fresh);
      unwrap(
        await fresh.call('x', 'backup.restoreWithoutSignIn', {
          file: backup.file,
          credentials: { kind: 'recovery', recoveryCode },
        }),
      );
      unwrap(await fresh.call('w', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
      const sqlite = fresh.state.database!.sqlite;
      const restored = (sqlite.prepare('SELECT epoch FROM sync_state').get() as { epoch: string }).epoch;
      expect([before, afterRekey]).not.toContain(restored);
      // The rows from before the backup keep the epoch they were written in.
      expect(rowsOf(sqlite, 'user')[0]!.epoch).toBe(before);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
