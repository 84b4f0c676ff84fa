import type { CoreState } from '../../core/state';
import { users } from '../../db/schema';
import { userTag } from '../../security/vault';
import { appendAudit, auditBy } from '../audit/audit.service';
import { runDueBackup } from '../backup/backup.schedule';
import { readSettings } from '../settings/settings.service';
import { startSyncRuntime } from '../sync/sync.runtime';

const SWEEP_MS = 15_000;
const BACKUP_CHECK_MS = 10 * 60_000;
const FIRST_BACKUP_CHECK_MS = 60_000;

/** Sign-in failures seen while the database was closed, written to the audit trail now that it is open. */
function auditPendingFailures(state: CoreState): void {
  const open = state.database;
  if (!open) return;
  const { pending, dropped } = state.throttle.takePending();
  if (pending.length === 0 && dropped === 0) return;
  const vault = state.readVault();
  const byTag = new Map<string, { id: string; role: string }>();
  for (const u of open.db
    .select({ id: users.id, username: users.username, role: users.role })
    .from(users)
    .all()) {
    byTag.set(userTag(vault, u.username), { id: u.id, role: u.role });
  }
  open.sqlite.transaction(() => {
    for (const p of pending) {
      const user = byTag.get(p.tag);
      const action = p.action ?? (p.tag === 'recovery-code' ? 'recovery.failed' : 'login.failed');
      const detail = [
        'before the database was open',
        user || p.tag === 'recovery-code' ? null : 'unknown username',
        p.reason === 'throttled' ? 'refused: too many failures' : null,
      ];
      appendAudit(
        open.sqlite,
        {
          userId: user?.id ?? null,
          role: user?.role ?? null,
          action,
          detail: detail.filter(Boolean).join('; '),
        },
        p.at,
      );
    }
    if (dropped > 0) {
      appendAudit(
        open.sqlite,
        {
          action: 'login.failed',
          detail: `${dropped} more failures before the database was open (not itemised)`,
        },
        state.now().toISOString(),
      );
    }
  })();
}

/**
 * What runs while the database is open: idle lock and 12-hour expiry (audited, and told to the window),
 * pending failure audits, the automatic daily backup and the sync pusher. Returns the stop function.
 */
export function startSecurityRuntime(state: CoreState): () => void {
  const open = state.database;
  if (!open) return () => {};
  state.sessions.idleMs = readSettings(open.db).idleLockMinutes * 60_000;
  state.sessions.hooks = {
    onIdleLock: (connectionId, session) => {
      const db = state.database;
      if (db)
        auditBy(db.sqlite, session, { action: 'session.lock', detail: 'idle' }, state.now().toISOString());
      state.emit(connectionId, 'session.changed', { reason: 'locked' });
    },
    onExpired: (connectionId, session) => {
      const db = state.database;
      if (db)
        auditBy(
          db.sqlite,
          session,
          { action: 'session.expire', detail: '12 hours' },
          state.now().toISOString(),
        );
      state.emit(connectionId, 'session.changed', { reason: 'expired' });
    },
  };
  auditPendingFailures(state);
  const guard = (what: string, fn: () => void) => () => {
    try {
      fn();
    } catch {
      state.logger.error('runtime.task_failed', { task: what });
    }
  };
  const sweep = setInterval(
    guard('sweep', () => state.sessions.sweep()),
    SWEEP_MS,
  );
  const backups = setInterval(
    guard('backup', () => runDueBackup(state)),
    BACKUP_CHECK_MS,
  );
  const first = setTimeout(
    guard('backup', () => runDueBackup(state)),
    FIRST_BACKUP_CHECK_MS,
  );
  for (const timer of [sweep, backups, first]) timer.unref();
  const stopSync = startSyncRuntime(state);
  return () => {
    stopSync();
    clearInterval(sweep);
    clearInterval(backups);
    clearTimeout(first);
  };
}
