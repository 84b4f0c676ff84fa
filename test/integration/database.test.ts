import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyKey, DatabaseUnreadableError, openDatabase } from '../../src-main/db/open';
import { migrate, SchemaTooNewError, type Migration } from '../../src-main/db/migrate';
import { migrations } from '../../src-main/db/migrations/bundle.generated';
import { backupBeforeMigration } from '../../src-main/db/backup';
import { readMigrations, renderModule } from '../../scripts/bundle-migrations.mjs';
import { ADMIN, setUpFacility, tempCore } from '../support/core';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caredesk-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening the encrypted database', () => {
  it('applies the durability pragmas and writes no plain SQLite header', () => {
    const file = join(dir, 'x.db');
    const { sqlite } = openDatabase({ file, key: randomBytes(32), create: true });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    sqlite.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('Aminata Kamara')");
    sqlite.close();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('Aminata'))).toBe(false);
  });

  it('refuses a wrong key with a typed error and leaves the file as it was', () => {
    const file = join(dir, 'x.db');
    const { sqlite } = openDatabase({ file, key: randomBytes(32), create: true });
    sqlite.exec('CREATE TABLE t (v)');
    sqlite.close();
    const before = readFileSync(file);
    expect(() => openDatabase({ file, key: randomBytes(32) })).toThrow(DatabaseUnreadableError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('cannot be read without a key at all', () => {
    const file = join(dir, 'x.db');
    openDatabase({ file, key: randomBytes(32), create: true }).sqlite.close();
    const raw = new Database(file);
    expect(() => raw.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    raw.close();
  });
});

describe('migrations', () => {
  it('the bundled module matches the committed SQL files', () => {
    const source = readFileSync(
      new URL('../../src-main/db/migrations/bundle.generated.ts', import.meta.url),
      'utf8',
    );
    expect(source).toBe(renderModule(readMigrations()));
  });

  it('refuses a database from a newer schema, naming both versions, and changes nothing', async () => {
    const core = tempCore(dir);
    await setUpFacility(core);
    const newer = migrations.length + 3;
    core.state.database!.sqlite.pragma(`user_version = ${newer}`);
    core.close();
    const before = readFileSync(join(dir, 'caredesk.db'));
    const restarted = tempCore(dir);
    const result = await restarted.call('w', 'auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('DATABASE');
    expect(result.message).toContain(`schema version ${newer}`);
    expect(result.message).toContain(`up to version ${migrations.length}`);
    expect(restarted.state.database).toBeNull();
    expect(readFileSync(join(dir, 'caredesk.db')).equals(before)).toBe(true);
    restarted.close();
    expect(() => migrate(fakeOpen(dir, newer), migrations)).toThrow(SchemaTooNewError);
  });

  it('backs up the database before migrating one that holds data', () => {
    const file = join(dir, 'm.db');
    const key = randomBytes(32);
    const { sqlite } = openDatabase({ file, key, create: true });
    const first: Migration = {
      version: 1,
      tag: 'a',
      hash: 'h1',
      statements: ["CREATE TABLE t (v); INSERT INTO t VALUES ('x')"],
    };
    const second: Migration = { version: 2, tag: 'b', hash: 'h2', statements: ['CREATE TABLE u (v)'] };
    expect(migrate(sqlite, [first])).toEqual({ from: 0, to: 1 });
    const backups: number[] = [];
    expect(migrate(sqlite, [first, second], { backupBeforeMigrating: (v) => backups.push(v) })).toEqual({
      from: 1,
      to: 2,
    });
    expect(backups).toEqual([1]);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(2);
    sqlite.close();
  });

  it('rolls back every statement of a failing migration', () => {
    const file = join(dir, 'm.db');
    const { sqlite } = openDatabase({ file, key: randomBytes(32), create: true });
    const broken: Migration = {
      version: 1,
      tag: 'x',
      hash: 'h',
      statements: ['CREATE TABLE ok (v)', 'CREATE TABLE ok (v)'],
    };
    expect(() => migrate(sqlite, [broken])).toThrow();
    expect(sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok'").get()).toEqual({
      n: 0,
    });
    expect(sqlite.pragma('user_version', { simple: true })).toBe(0);
    sqlite.close();
  });

  it('takes the pre-migration backup as an encrypted copy that opens with the same key', async () => {
    const core = tempCore(dir);
    await setUpFacility(core);
    const { sqlite, key } = core.state.database!;
    const target = backupBeforeMigration(sqlite, join(dir, 'backups'), 1);
    const bytes = readFileSync(target);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from(ADMIN.fullName))).toBe(false);
    const copy = openDatabase({ file: target, key: Buffer.from(key) });
    expect(copy.sqlite.prepare('SELECT username FROM users').all()).toEqual([{ username: ADMIN.username }]);
    copy.sqlite.close();
    core.close();
  });
});

function fakeOpen(folder: string, version: number) {
  const sqlite = new Database(join(folder, 'fake.db'));
  applyKey(sqlite, randomBytes(32));
  sqlite.pragma(`user_version = ${version}`);
  return sqlite;
}
