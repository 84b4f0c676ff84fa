import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupHeader } from '../../../src-main/db/backup';
import { openDatabase } from '../../../src-main/db/open';
import { auditAnchor } from '../../../src-main/modules/audit/audit.service';
import { auditHash, type AuditRow } from '../../../src-main/modules/audit/audit.service';
import { ADMIN, tempCore, unwrap } from '../../support/core';
import { facilityWithAdmin } from './support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;

describe('audit chain anchors outside the database', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.core.dispose());

  it('every backup header carries the chain head hash and row count', async () => {
    fixture = await facilityWithAdmin();
    const { sqlite } = fixture.core.state.database!;
    const before = auditAnchor(sqlite);
    const backup = unwrap(await fixture.core.call('admin', 'backup.create', {}));
    expect(readBackupHeader(backup.file).header.audit).toEqual(before);
    expect(before.rowCount).toBeGreaterThan(0);
    expect(before.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the rewritten-chain attack (drop triggers, delete a row, recompute every hash) is named by a backup’s anchor', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    unwrap(await core.call('admin', 'settings.update', { idleLockMinutes: 15 }));
    const backup = unwrap(await core.call('admin', 'backup.create', {}));
    unwrap(await core.call('admin', 'settings.update', { idleLockMinutes: 20 }));
    const key = Buffer.from(core.state.database!.key);
    core.close();

    // A key holder rewrites history: row 2 goes, the rest are renumbered and re-hashed, triggers restored.
    const { sqlite } = openDatabase({ file: join(core.dataDir, 'caredesk.db'), key });
    sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
    sqlite.exec('DELETE FROM audit_log');
    let prev = '0'.repeat(64);
    const insert = sqlite.prepare(
      `INSERT INTO audit_log (seq, at, user_id, role, action, entity, entity_id, patient_id, detail, prev_hash, hash)
       VALUES (@seq, @at, @user_id, @role, @action, @entity, @entity_id, @patient_id, @detail, @prev_hash, @hash)`,
    );
    rows
      .filter((r) => r.seq !== 2)
      .forEach((r, i) => {
        const { hash: _old, ...rest } = { ...r, seq: i + 1, prev_hash: prev };
        const hash = auditHash(rest);
        insert.run({ ...rest, hash });
        prev = hash;
      });
    sqlite.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(rows.length - 1);
    sqlite.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
    sqlite.close();

    const again = tempCore(core.dataDir);
    try {
      unwrap(await again.call('a', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
      const verdict = unwrap(await again.call('a', 'audit.verify', {}));
      expect(verdict.ok).toBe(false);
      expect(verdict.anchorsChecked).toBe(1);
      expect(verdict.brokenAnchor?.source).toContain(backup.file.split('/').pop()!);
      expect(verdict.reason).toMatch(/no longer matches the anchor in backup caredesk-.*\.cdbk/);
    } finally {
      again.close();
    }
  });
});
