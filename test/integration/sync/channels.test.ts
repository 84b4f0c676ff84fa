// The sync channels through the core against the real server (PGlite on 127.0.0.1): rights, plain errors,
// enrolment audited, "Sync now", the audit anchor on the server, and the pusher's own timer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/core';
import { silentLogger } from '../../../src-main/core/log';
import { FLOOR_KDF } from '../../../src-main/security/kdf';
import { auditAnchor } from '../../../src-main/modules/audit/audit.anchor';
import { auditAnchors, records } from '../../../src-server/db/schema';
import { revokeFacility } from '../../../src-server/facilities';
import { setUpFacility, unwrap } from '../../support/core';
import { child, clinic, type Clinic } from '../patients/support';
import { startServer, type RunningServer } from './support';

process.env.CAREDESK_NO_KEYCHAIN = '1';

describe('sync channels (PGlite server)', () => {
  let server: RunningServer;
  let c: Clinic;
  beforeAll(async () => {
    server = await startServer();
    c = await clinic();
  }, 60_000);
  afterAll(async () => {
    c?.core.dispose();
    await server?.close();
  });

  it('before enrolment: every signed-in role sees the status; only an admin may enrol', async () => {
    const status = await c.clerk.ok('sync.status', {});
    expect(status).toMatchObject({ enrolled: false, errorKind: 'notEnrolled', serverUrl: null });
    const push = await c.clerk.ok('sync.pushNow', {});
    expect(push.errorKind).toBe('notEnrolled');
    for (const who of [c.clerk, c.manager, c.clinician, c.researcher]) {
      const denied = await who.call('sync.enrol', { serverUrl: server.url, code: 'whatever-123' });
      expect(denied).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await who.call('sync.retryRejected', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('refuses bad input with plain words and writes nothing', async () => {
    const badUrl = await c.admin.call('sync.enrol', { serverUrl: 'ftp://x', code: 'abcdefgh' });
    expect(badUrl).toMatchObject({ ok: false, code: 'VALIDATION' });
    const badCode = await c.admin.call('sync.enrol', { serverUrl: server.url, code: 'not-a-real-code' });
    expect(badCode.ok).toBe(false);
    if (!badCode.ok) {
      expect(badCode.code).toBe('VALIDATION');
      expect(badCode.message).toMatch(/^Enrolment failed: /);
      expect(badCode.message).not.toMatch(/UNAUTHENTICATED|\/api\/|at \w+ \(/);
    }
    const nobody = await c.admin.call('sync.enrol', { serverUrl: 'http://127.0.0.1:9', code: 'abcdefgh' });
    expect(nobody).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect((await c.admin.ok('sync.status', {})).enrolled).toBe(false);
  });

  it('an admin enrols (audited); "Sync now" sends the waiting records and the audit head', async () => {
    const code = await server.newFacility('KSD-01');
    const done = await c.admin.ok('sync.enrol', { serverUrl: server.url, code });
    expect(done).toMatchObject({ facilityCode: 'KSD-01', credentialStore: 'database' });
    const audit = c.sqlite().prepare("SELECT detail FROM audit_log WHERE action = 'sync.enrol'").all() as {
      detail: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain(code);

    await c.clerk.ok('patients.register', child());
    await c.clerk.ok(
      'patients.register',
      child({ givenName: 'Fanta', familyName: 'Sylla', birthDate: '2023-05-02' }),
    );
    const before = await c.clerk.ok('sync.status', {});
    expect(before.waiting).toBeGreaterThanOrEqual(2);
    expect(before.serverUrl).toBeNull();

    const anchor = auditAnchor(c.sqlite());
    const pushed = await c.clerk.ok('sync.pushNow', {});
    expect(pushed).toMatchObject({ waiting: 0, rejected: 0, errorKind: null });
    expect(pushed.accepted).toBe(before.waiting);
    const held = await server.open.db.select().from(records).where(eq(records.entity, 'patient'));
    expect(held.length).toBeGreaterThanOrEqual(2);
    const anchors = await server.open.db.select().from(auditAnchors);
    expect(anchors.map((a) => [a.rowCount, a.headHash])).toContainEqual([anchor.rowCount, anchor.headHash]);

    const after = await c.admin.ok('sync.status', {});
    expect(after).toMatchObject({ enrolled: true, waiting: 0, errorKind: null, serverUrl: server.url + '/' });
    expect(after.lastPushAt).not.toBeNull();
  });

  it('a new audit head travels alone when nothing else waits', async () => {
    const anchor = auditAnchor(c.sqlite());
    unwrap(await c.admin.call('sync.retryRejected', {})); // audited: the head moves
    const moved = auditAnchor(c.sqlite());
    expect(moved.rowCount).toBeGreaterThan(anchor.rowCount);
    await c.admin.ok('sync.pushNow', {});
    const anchors = await server.open.db.select().from(auditAnchors);
    expect(anchors.map((a) => a.headHash)).toContain(moved.headHash);
  });

  it('a revoked credential is refused: the status says so in a kind, detail for the admin only', async () => {
    await revokeFacility(server.open.db, 'KSD-01');
    await c.clerk.ok(
      'patients.register',
      child({ givenName: 'Mariama', familyName: 'Touré', birthDate: '2022-11-20' }),
    );
    const pushed = await c.clerk.ok('sync.pushNow', {});
    expect(pushed.errorKind).toBe('refused');
    expect(pushed.waiting).toBeGreaterThan(0);
    expect((await c.clerk.ok('sync.status', {})).lastErrorDetail).toBeNull();
    expect((await c.admin.ok('sync.status', {})).lastErrorDetail).toMatch(/revoked/);
  });
});

describe('the pusher timer in the core', () => {
  it('pushes on its own while the database is open, and backs off while the server is away', async () => {
    const server = await startServer();
    const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-timer-'));
    const core = createCore({ dataDir, kdf: FLOOR_KDF, logger: silentLogger, syncIntervalMs: 150 });
    try {
      await setUpFacility(core, 'admin');
      const code = await server.newFacility('TIM-01');
      unwrap(await core.call('admin', 'sync.enrol', { serverUrl: server.url, code }));
      const wait = async (ok: () => Promise<boolean>) => {
        for (let i = 0; i < 100 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
      };
      // The desktop notes the push after the server's reply: wait on its side, then check the server.
      await wait(async () => unwrap(await core.call('admin', 'sync.status', {})).lastPushAt !== null);
      expect((await server.open.db.select().from(auditAnchors)).length).toBeGreaterThan(0);
      const status = unwrap(await core.call('admin', 'sync.status', {}));
      expect(status.lastPushAt).not.toBeNull();
      expect(status.errorKind).toBeNull();

      await server.close();
      const { pusherOf } = await import('../../../src-main/modules/sync/sync.runtime');
      const pusher = pusherOf(core.state);
      unwrap(await core.call('admin', 'sync.retryRejected', {})); // a new audit head to push
      await wait(async () => pusher.failuresInARow >= 2);
      expect(pusher.failuresInARow).toBeGreaterThanOrEqual(2);
      expect(pusher.delayAfter(pusher.failuresInARow)).toBeGreaterThan(150);
      expect(unwrap(await core.call('admin', 'sync.status', {})).errorKind).toBe('unreachable');
    } finally {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
