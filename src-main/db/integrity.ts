import type { Sqlite } from './open';

/**
 * The database file is damaged (its key was verified by the vault, so this is not a wrong password).
 * Never repaired or replaced silently: the person is told in plain words and offered a restore.
 */
export class DatabaseDamagedError extends Error {
  constructor(readonly problem: string) {
    super(
      `The database file is damaged and cannot be used safely (${problem}). Nothing was changed. ` +
        'Restore it from a backup: "Restore from backup" on the sign-in screen, or `caredesk restore`.',
    );
    this.name = 'DatabaseDamagedError';
  }
}

function runCheck(sqlite: Sqlite, pragma: 'quick_check' | 'integrity_check'): string {
  try {
    const rows = sqlite.pragma(`${pragma}(5)`) as Record<string, unknown>[];
    const lines = rows
      .flatMap((r) => String(Object.values(r)[0]).split('\n'))
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('***'));
    // One line for people and logs: SQLite's first two findings.
    return lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.slice(0, 2).join('; ');
  } catch (error) {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    return `SQLite could not read every page (${typeof code === 'string' ? code : 'read error'})`;
  }
}

/** "ok", or SQLite's first problems in its own words (a page that cannot be decrypted counts as one). */
export function quickCheck(sqlite: Sqlite): string {
  return runCheck(sqlite, 'quick_check');
}

/** The thorough check (indexes against tables too); used on a backup before it replaces anything. */
export function integrityCheck(sqlite: Sqlite): string {
  return runCheck(sqlite, 'integrity_check');
}

export function assertHealthy(sqlite: Sqlite): void {
  const verdict = quickCheck(sqlite);
  if (verdict !== 'ok') throw new DatabaseDamagedError(verdict);
}
