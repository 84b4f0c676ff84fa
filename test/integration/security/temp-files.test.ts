import { mkdtempSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rebuildSearchIndex } from '../../../src-main/modules/patients/search-index';
import { facilityWithAdmin } from './support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;

/**
 * SQLite writes large sorts, statement journals and transient indices to the OS temp folder unless
 * temp_store = MEMORY; those files are not encrypted, so names would land there in plain text. On Linux the
 * files are unlinked right after creation, so the test watches the folder (inotify keeps the events while the
 * synchronous reindex runs) and counts every file that appeared.
 */
describe('no plain text in temp files', () => {
  let fixture: Fixture | undefined;
  const dirs: string[] = [];
  afterEach(() => {
    fixture?.core.dispose();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a reindex of 20,000 patients creates no file in the temp folder', async () => {
    fixture = await facilityWithAdmin();
    const { sqlite } = fixture.core.state.database!;
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2);
    const insert = sqlite.prepare(
      `INSERT INTO patients (id, registration_number, given_name, family_name, sex, birth_date, registered_on,
         search_rowid, phone, caregiver_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'female', '2020-01-01', '2024-01-01', ?, ?, ?, '2024-01-01', '2024-01-01')`,
    );
    sqlite.transaction(() => {
      for (let i = 1; i <= 20_000; i++) {
        insert.run(
          `p-${i}`,
          `REG-${i}`,
          `Mariama${i}`,
          `Camara${i % 977}`,
          1_000_000 + i,
          `+22462${String(i).padStart(7, '0')}`,
          `Fatoumata Keita ${i}`,
        );
      }
    })();
    const watched = mkdtempSync(join(tmpdir(), 'caredesk-sqlite-tmp-'));
    dirs.push(watched);
    // Where SQLite puts its temp files from here on in this process (the env is read only once).
    sqlite.pragma(`temp_store_directory = '${watched}'`);
    // A small page cache (a low-memory PC) makes sorts and statement journals spill early.
    const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma('cache_size = 50');
    const seen: string[] = [];
    const watcher = watch(watched, (_event, name) => seen.push(String(name)));
    try {
      expect(rebuildSearchIndex(sqlite)).toBeGreaterThanOrEqual(20_000);
      sqlite.prepare('SELECT given_name FROM patients ORDER BY caregiver_name, phone').all();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      watcher.close();
      sqlite.pragma(`temp_store_directory = ''`);
      sqlite.pragma(`cache_size = ${cacheSize}`);
    }
    expect(seen).toEqual([]);
  }, 120_000);
});
