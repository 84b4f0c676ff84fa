import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { enqueue } from '../../../src-main/sync/outbox';
import { enrolFacility, pushPending, retryRejected, syncStatus } from '../../../src-main/sync/pusher';
import { records, rejections } from '../../../src-server/db/schema';
import { listFacilities, revokeFacility } from '../../../src-server/facilities';
import { child, clinic, type Clinic } from '../patients/support';
import { postgresMissing, startPostgres, startServer, type Postgres, type RunningServer } from './support';

process.env.CAREDESK_NO_KEYCHAIN = '1';

if (postgresMissing) console.log(`sync push tests on PostgreSQL skipped: ${postgresMissing}`);

const engines = [
  { name: 'PGlite', skip: null as string | null },
  { name: 'PostgreSQL', skip: postgresMissing },
];

describe.each(engines)('push to the central server ($name)', ({ name, skip }) => {
  let server: RunningServer;
  let pg: Postgres | undefined;
  const clinics: Clinic[] = [];
  beforeAll(async () => {
    if (skip) return;
    if (name === 'PostgreSQL') pg = await startPostgres();
    server = await startServer({ databaseUrl: pg?.url });
  }, 60_000);
  afterAll(async () => {
    for (const c of clinics) c.core.dispose();
    await server?.close();
    pg?.stop();
  });

  async function enrolled(code: string): Promise<Clinic> {
    const c = await clinic();
    clinics.push(c);
    const secret = await server.newFacility(code);
    const result = await enrolFacility(c.sqlite(), { serverUrl: server.url, code: secret });
    expect(result).toMatchObject({ facilityCode: code, credentialStore: 'database' });
    return c;
  }

  const held = (entity: string) => server.open.db.select().from(records).where(eq(records.entity, entity));

  it.skipIf(skip)(
    'a facility enrols, pushes every record once and the server holds the newest version',
    async () => {
      const c = await enrolled('KSD-01');
      const p = await c.clerk.ok('patients.register', child());
      await c.clinician.ok('visits.create', { patientId: p.id, visitDate: '2026-03-10', weightKg: 9.6 });
      const first = await pushPending(c.sqlite());
      expect(first).toMatchObject({ rejected: 0, waiting: 0, error: null });
      expect(first.accepted).toBeGreaterThanOrEqual(3);
      await c.manager.ok('patients.update', {
        id: p.id,
        expectedVersion: 1,
        patient: { ...child(), village: 'Bambaya' },
      });
      expect(await pushPending(c.sqlite())).toMatchObject({ accepted: 1, waiting: 0 });
      const [patient] = await held('patient');
      expect(patient).toMatchObject({ entityId: p.id, version: 2 });
      expect(patient!.payload).toMatchObject({
        village: 'Bambaya',
        registrationNumber: p.registrationNumber,
      });
      const [facility] = (await listFacilities(server.open.db)).filter((f) => f.code === 'KSD-01');
      expect(facility).toMatchObject({ status: 'enrolled', rejected: 0, records: { patient: 1, visit: 1 } });
      expect(facility!.lastPushAt).not.toBeNull();
      expect(syncStatus(c.sqlite())).toMatchObject({
        enrolled: true,
        credentialStore: 'database',
        waiting: 0,
        lastError: null,
      });
    },
  );

  it.skipIf(skip)('a repeated batch gets the same reply and writes nothing again', async () => {
    const c = await enrolled('KSD-02');
    await c.clerk.ok('patients.register', child());
    const credential = (
      c.sqlite().prepare('SELECT credential FROM sync_state').get() as { credential: string }
    ).credential;
    const rows = c.sqlite().prepare('SELECT * FROM outbox ORDER BY seq').all() as Record<string, unknown>[];
    const body = {
      batchId: uuidv7(),
      records: rows.map((r) => ({
        changeId: r.change_id,
        entity: r.entity,
        entityId: r.entity_id,
        version: r.version,
        payloadVersion: r.payload_version,
        epoch: r.epoch,
        facilityId: r.facility_id,
        changedAt: r.created_at,
        payload: JSON.parse(r.payload as string),
      })),
    };
    const send = () =>
      fetch(`${server.url}/api/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
        body: JSON.stringify(body),
      }).then(async (r) => ({
        status: r.status,
        json: (await r.json()) as { replayed: boolean; results: unknown[] },
      }));
    const a = await send();
    const b = await send();
    expect(a.status).toBe(200);
    expect(a.json.replayed).toBe(false);
    expect(b.json).toEqual({ ...a.json, replayed: true });

    // Another facility's id in a batch: 403 and nothing of the batch is written.
    const other = await enrolled('KSD-03');
    const foreignId = (other.sqlite().prepare('SELECT uuid FROM facility').get() as { uuid: string }).uuid;
    const before = (await held('patient')).length;
    const forged = {
      batchId: uuidv7(),
      records: body.records.map((r) => ({
        ...r,
        changeId: uuidv7(),
        entityId: uuidv7(),
        facilityId: foreignId,
      })),
    };
    forged.records.forEach((r) => (r.payload = { ...r.payload, id: r.entityId }));
    const refused = await fetch(`${server.url}/api/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify(forged),
    });
    expect(refused.status).toBe(403);
    expect((await held('patient')).length).toBe(before);

    // A revoked credential is refused; the rows stay waiting with the reason.
    await revokeFacility(server.open.db, 'KSD-02');
    await c.clerk.ok(
      'patients.register',
      child({ givenName: 'Mariama', familyName: 'Sow', birthDate: '2023-01-01' }),
    );
    const report = await pushPending(c.sqlite());
    expect(report.error).toMatch(/revoked/);
    // The rows sent by hand above were never acknowledged here, so all three still wait.
    expect(report.waiting).toBe(3);
    expect(syncStatus(c.sqlite()).lastError).toMatch(/revoked/);
  });

  it.skipIf(skip)(
    'a poison record is set aside with its reason, the others flow, and it can be retried',
    async () => {
      const c = await enrolled('KSD-04');
      const sqlite = c.sqlite();
      const poisonId = uuidv7();
      sqlite.transaction(() => {
        enqueue(
          sqlite,
          'visit',
          poisonId,
          1,
          { id: poisonId, version: 1, weightKg: 'heavy' },
          new Date().toISOString(),
        );
      })();
      await c.clerk.ok('patients.register', child());
      const report = await pushPending(sqlite, { maxRecords: 1 });
      expect(report).toMatchObject({ rejected: 1, waiting: 0, error: null });
      expect(report.accepted).toBeGreaterThanOrEqual(2);
      const [set] = syncStatus(sqlite).rejected;
      expect(set).toMatchObject({ entity: 'visit', entityId: poisonId });
      expect(set!.reason).toMatch(/visit payload/);
      const pending = await server.open.db.select().from(rejections).where(eq(rejections.entityId, poisonId));
      expect(pending).toHaveLength(1);
      expect(retryRejected(sqlite)).toBe(1);
      expect(syncStatus(sqlite).waiting).toBe(1);
    },
  );

  it.skipIf(skip)('a desktop clock 24 h ahead or behind neither reorders nor drops versions', async () => {
    const c = await enrolled('KSD-05');
    const p = await c.clerk.ok('patients.register', child());
    c.advance(24 * 3600_000);
    await c.manager.ok('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: { ...child(), village: 'Ahead' },
    });
    await pushPending(c.sqlite());
    c.advance(-48 * 3600_000);
    await c.manager.ok('patients.update', {
      id: p.id,
      expectedVersion: 2,
      patient: { ...child(), village: 'Behind' },
    });
    await pushPending(c.sqlite());
    const [row] = (await held('patient')).filter((r) => r.entityId === p.id);
    expect(row).toMatchObject({ version: 3 });
    expect(row!.payload).toMatchObject({ village: 'Behind' });
  });
});
