import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../../src-main/db/open';
import { ADMIN, tempCore, unwrap } from '../../support/core';
import { facilityWithAdmin } from './support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;

/** The disk is full for audit rows: every INSERT INTO audit_log fails the way SQLite reports it. */
function fillDiskForAudit(sqlite: Sqlite): () => void {
  const prepare = sqlite.prepare.bind(sqlite);
  (sqlite as { prepare: unknown }).prepare = (sql: string) => {
    const statement = prepare(sql);
    if (!/^\s*INSERT INTO audit_log/.test(sql)) return statement;
    return new Proxy(statement, {
      get(target, key, receiver) {
        if (key !== 'run') return Reflect.get(target, key, receiver) as unknown;
        return () => {
          throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        };
      },
    });
  };
  return () => {
    (sqlite as { prepare: unknown }).prepare = prepare;
  };
}

describe('a full disk does not turn off throttling or failure auditing', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.core.dispose());

  it('wrong passwords are still counted (then refused) and audited once the disk has room', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const restore = fillDiskForAudit(core.state.database!.sqlite);
    const tryWrong = () => core.call('x', 'auth.login', { username: ADMIN.username, password: 'wrong one' });
    for (let i = 0; i < 5; i++) {
      expect(await tryWrong()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
    expect(await tryWrong()).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    restore();
    core.close();
    // Room again: the next open audits what could not be written then.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = tempCore(core.dataDir);
    try {
      unwrap(await again.call('a', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
      const failed = unwrap(await again.call('a', 'audit.list', { action: 'login.failed' })).rows;
      expect(failed.length).toBeGreaterThanOrEqual(5);
    } finally {
      again.close();
    }
  });

  it('when the throttle file cannot be written either, memory keeps counting', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    const file = join(core.dataDir, 'throttle.json');
    rmSync(file, { force: true });
    mkdirSync(join(file, 'blocker'), { recursive: true }); // a folder where the file should go
    fillDiskForAudit(core.state.database!.sqlite);
    const tryWrong = () => core.call('x', 'auth.login', { username: ADMIN.username, password: 'wrong one' });
    for (let i = 0; i < 5; i++) {
      expect(await tryWrong()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
    expect(await tryWrong()).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });
});
