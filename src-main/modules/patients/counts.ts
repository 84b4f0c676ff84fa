import type { Sqlite } from '../../db/open';
import { stmt } from '../../records';

/** The register's live counts for the home screen (aggregates only: no patient data). */
export function registerCounts(
  sqlite: Sqlite,
  today: string,
): { patients: number; visitsToday: number; openReferrals: number } {
  const n = (sql: string, ...params: unknown[]) => (stmt(sqlite, sql).get(...params) as { n: number }).n;
  return {
    patients: n('SELECT count(*) AS n FROM patients WHERE voided = 0 AND merged_into IS NULL'),
    visitsToday: n('SELECT count(*) AS n FROM visits WHERE visit_date = ? AND voided = 0', today),
    openReferrals: n("SELECT count(*) AS n FROM referrals WHERE status = 'open' AND voided = 0"),
  };
}
