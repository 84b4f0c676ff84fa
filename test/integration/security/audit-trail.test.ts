import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../src-main/db/open';
import { ADMIN, unwrap } from '../../support/core';
import { cli } from '../../support/cli';
import { addStaff, facilityWithAdmin } from './support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;

/** A facility with some history, closed; returns its data folder and database key for raw tampering. */
async function closedFacilityWithHistory(): Promise<{ fixture: Fixture; key: Buffer }> {
  const fixture = await facilityWithAdmin();
  const { core } = fixture;
  await addStaff(core, 'fanta', 'clinician');
  await addStaff(core, 'moussa', 'clerk');
  unwrap(await core.call('admin', 'settings.update', { idleLockMinutes: 15 }));
  await core.call('fanta', 'users.list', {}); // refused and audited
  const key = Buffer.from(core.state.database!.key);
  core.close();
  return { fixture, key };
}

function raw(dataDir: string, key: Buffer, tamper: (sqlite: Sqlite) => void): void {
  const { sqlite } = openDatabase({ file: join(dataDir, 'caredesk.db'), key: Buffer.from(key) });
  sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  tamper(sqlite);
  // Put the protection back, as a careful tamperer would.
  sqlite.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
  sqlite.close();
}

async function verify(dataDir: string) {
  return cli(['audit', 'verify', '--data-dir', dataDir, '--user', ADMIN.username], {
    CAREDESK_PASSWORD: ADMIN.password,
  });
}

describe('audit trail', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.core.dispose());

  it('refuses UPDATE and DELETE on the audit table, even from a raw connection', async () => {
    fixture = await facilityWithAdmin();
    const { sqlite } = fixture.core.state.database!;
    expect(() => sqlite.prepare("UPDATE audit_log SET detail = 'x' WHERE seq = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('`caredesk audit verify` passes an intact trail', async () => {
    const made = await closedFacilityWithHistory();
    fixture = made.fixture;
    const result = await verify(fixture.core.dataDir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Audit trail intact: \d+ rows/);
    expect(result.code).toBe(0);
  });

  const tampering: [string, (sqlite: Sqlite) => void, RegExp][] = [
    [
      'editing a row',
      (s) => s.prepare("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 4").run(),
      /row 4: row content was changed/,
    ],
    [
      'changing who did it',
      (s) => s.prepare('UPDATE audit_log SET user_id = NULL WHERE seq = 3').run(),
      /row 3: row content/,
    ],
    [
      'deleting a middle row',
      (s) => s.prepare('DELETE FROM audit_log WHERE seq = 5').run(),
      /row 5: row 5 is missing/,
    ],
    [
      'deleting the last rows',
      (s) => s.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)').run(),
      /BROKEN at row \d+: rows \d+–\d+ were removed/,
    ],
    [
      'reordering two rows',
      (s) => {
        const a = s.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as Record<string, unknown>;
        const b = s.prepare('SELECT * FROM audit_log WHERE seq = 4').get() as Record<string, unknown>;
        const put = s.prepare(
          'UPDATE audit_log SET at=@at, user_id=@user_id, role=@role, action=@action, entity=@entity, entity_id=@entity_id, patient_id=@patient_id, detail=@detail, prev_hash=@prev_hash, hash=@hash WHERE seq=@target',
        );
        put.run({ ...b, target: 3 });
        put.run({ ...a, target: 4 });
      },
      /BROKEN at row 3: link to the previous row does not match/,
    ],
    [
      'inserting a forged row in the middle',
      (s) => {
        s.prepare('UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 6').run();
        s.prepare('UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1006').run();
        s.prepare(
          "INSERT INTO audit_log (seq, at, action, prev_hash, hash) VALUES (6, '2026-01-01T00:00:00.000Z', 'login', 'x', 'y')",
        ).run();
      },
      /BROKEN at row 6/,
    ],
  ];

  for (const [what, tamper, expected] of tampering) {
    it(`detects ${what}`, async () => {
      const made = await closedFacilityWithHistory();
      fixture = made.fixture;
      raw(fixture.core.dataDir, made.key, tamper);
      const result = await verify(fixture.core.dataDir);
      expect(result.stdout).toMatch(expected);
      expect(result.code).toBe(3);
    });
  }

  it('detects removed append-only triggers', async () => {
    const made = await closedFacilityWithHistory();
    fixture = made.fixture;
    const { sqlite } = openDatabase({
      file: join(fixture.core.dataDir, 'caredesk.db'),
      key: Buffer.from(made.key),
    });
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.close();
    const result = await verify(fixture.core.dataDir);
    expect(result.stdout).toMatch(/append-only protection \(triggers\) was removed/);
    expect(result.code).toBe(3);
  });

  it('filters by user, action prefix and dates, pages newest first, and exports audited CSV', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const fanta = await addStaff(core, 'fanta', 'clinician');
    unwrap(
      await core.call('admin', 'users.create', {
        username: 'bad',
        fullName: '=HYPERLINK("x")',
        role: 'clerk',
      }),
    );
    const byFanta = unwrap(await core.call('admin', 'audit.list', { userId: fanta.id }));
    expect(byFanta.rows.map((r) => r.action)).toEqual(['password.change', 'login']);
    expect(byFanta.rows[0]!.username).toBe('fanta');
    const users = unwrap(await core.call('admin', 'audit.list', { action: 'user.' }));
    expect(users.rows.map((r) => r.detail)).toEqual(['bad as clerk', 'fanta as clinician']);
    expect(users.actions).toEqual(expect.arrayContaining(['login', 'user.create', 'facility.setup']));
    const page = unwrap(await core.call('admin', 'audit.list', { limit: 2 }));
    expect(page.rows).toHaveLength(2);
    const next = unwrap(await core.call('admin', 'audit.list', { limit: 2, beforeSeq: page.nextBeforeSeq! }));
    expect(next.rows[0]!.seq).toBe(page.rows[1]!.seq - 1);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(
      unwrap(await core.call('admin', 'audit.list', { from: day, to: day })).rows.length,
    ).toBeGreaterThan(4);
    expect(unwrap(await core.call('admin', 'audit.list', { to: '2000-01-01' })).rows).toEqual([]);
    const exported = unwrap(await core.call('admin', 'audit.export', { action: 'user.' }));
    expect(exported.rows).toBe(2);
    const lines = exported.csv.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at_utc,user,role,action,entity,entity_id,patient_id,detail');
    expect(lines).toHaveLength(3);
    expect(exported.fileName).toMatch(/^caredesk-audit-.*\.csv$/);
    const last = unwrap(await core.call('admin', 'audit.list', { limit: 1 })).rows[0]!;
    expect(last).toMatchObject({ action: 'audit.export', detail: '2 rows; action=user.' });
  });

  it('never lets a spreadsheet run an exported field as a formula', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
    unwrap(await core.call('admin', 'users.create', { username: 'evil', fullName: 'Evil', role: 'clerk' }));
    const { sqlite } = core.state.database!;
    const { appendAudit } = await import('../../../src-main/modules/audit/audit.service');
    appendAudit(sqlite, { action: 'test.row', detail: '=cmd|"/c calc"!A1, "quoted"' });
    const exported = unwrap(await core.call('admin', 'audit.export', { action: 'test.row' }));
    expect(exported.csv).toContain(`"'=cmd|""/c calc""!A1, ""quoted"""`);
    expect(unwrap(await core.call('admin', 'audit.verify', {}))).toMatchObject({
      ok: true,
      brokenAtSeq: null,
    });
    expect(readFileSync(join(core.dataDir, 'vault.json'), 'utf8')).not.toContain('evil');
  });
});
