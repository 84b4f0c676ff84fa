// The monthly report reads its month through indexes, never by scanning the visit or episode tables: every
// statement the fact source prepares is explained against the real migrated schema.
import { afterEach, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../../src-main/db/open';
import { sqlFactSource } from '../../../src-main/modules/reports/facts';
import { reportMonth } from '../../../shared/reports';
import { clinic, type Clinic } from '../patients/support';

/** The real database, recording the SQL of every statement prepared through it. */
function recording(sqlite: Sqlite): { sqlite: Sqlite; statements: string[] } {
  const statements: string[] = [];
  const proxy = new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (sql: string) => {
          statements.push(sql);
          return target.prepare(sql);
        };
      }
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { sqlite: proxy, statements };
}

const plan = (sqlite: Sqlite, sql: string) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(reportMonth('2026-03')) as { detail: string }[]).map(
    (r) => r.detail,
  );

describe('report query plans', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('reads CMAM episodes and follow-ups of a month through index ranges only', async () => {
    c = await clinic(new Date('2026-04-10T09:00:00Z'));
    const db = recording(c.sqlite());
    sqlFactSource.cmamEpisodes(db, reportMonth('2026-03'));
    const monthly = db.statements.filter((s) => !s.startsWith('SELECT name FROM pragma_table_info'));
    expect(monthly.length).toBeGreaterThanOrEqual(2);
    const details = monthly.flatMap((s) => plan(c.sqlite(), s));
    expect(details.filter((d) => /^SCAN (cmam_followups|cmam_episodes|e|f)\b/.test(d))).toEqual([]);
    expect(details.some((d) => d.includes('cmam_followups_visit_date'))).toBe(true);
    expect(details.some((d) => d.includes('cmam_episodes_exit_before_admission'))).toBe(true);
  });
});
