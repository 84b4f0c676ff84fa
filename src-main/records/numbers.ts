import type { Sqlite } from '../db/open';
import { stmt } from './sql';

/**
 * The next number of a counter scope ("patient:2026", "programme:OTP:2026"), moved in the caller's transaction
 * so a rolled-back write never burns or repeats a number. Scopes are per facility: one database is one facility.
 */
export function nextCounter(sqlite: Sqlite, scope: string): number {
  const { last } = stmt(
    sqlite,
    `INSERT INTO registration_counters (scope, last) VALUES (?, 1)
     ON CONFLICT (scope) DO UPDATE SET last = last + 1 RETURNING last`,
  ).get(scope) as { last: number };
  return last;
}

/** A human number in a scope, e.g. `numberInScope(sqlite, 'OTP', '2026', 4)` → "OTP-2026-0042". */
export function numberInScope(sqlite: Sqlite, prefix: string, year: string, digits: number): string {
  const n = nextCounter(sqlite, `${prefix}:${year}`);
  return `${prefix}-${year}-${String(n).padStart(digits, '0')}`;
}
