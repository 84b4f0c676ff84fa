import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract';
import type { CoreState } from '../../core/state';
import { facility } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { readSettings, readSystemValue, writeSystemValue } from '../settings/settings.service';
import { backupFolderOf, createBackup, pruneAutomaticBackups } from './backup.service';

const DAY_MS = 24 * 60 * 60 * 1000;

export function lastBackupAt(state: CoreState): string | null {
  const open = state.database;
  return open ? readSystemValue<string>(open.db, 'lastAutoBackupAt') : null;
}

export function nextDueAt(state: CoreState): string | null {
  const open = state.database;
  if (!open || !readSettings(open.db).autoBackup) return null;
  const last = lastBackupAt(state);
  return last ? new Date(Date.parse(last) + DAY_MS).toISOString() : state.now().toISOString();
}

/**
 * The automatic daily backup: when due, one backup into the chosen folder, then the oldest automatic ones
 * beyond N are removed. A failure (USB drive missing, disk full) is recorded for the backup screen and
 * audited, and tried again at the next check.
 */
export function runDueBackup(state: CoreState): 'done' | 'not-due' | 'failed' {
  const open = state.database;
  if (!open) return 'not-due';
  const settings = readSettings(open.db);
  if (!settings.autoBackup) return 'not-due';
  const due = nextDueAt(state);
  const now = state.now();
  if (due && Date.parse(due) > now.getTime()) return 'not-due';
  const at = now.toISOString();
  try {
    const info = createBackup(state, { kind: 'auto', by: { userId: null, role: 'system' } });
    const code = open.db.select().from(facility).where(eq(facility.id, 1)).get()?.code ?? 'facility';
    pruneAutomaticBackups(backupFolderOf(state), code, settings.backupKeep);
    open.sqlite.transaction(() => {
      writeSystemValue(open.db, 'lastAutoBackupAt', info.createdAt, at);
      writeSystemValue(open.db, 'lastAutoBackupError', null, at);
    })();
    return 'done';
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message.replace(/^Please correct: folder: /, 'Backup folder ')
        : 'the backup could not be written';
    state.logger.error('backup.auto_failed');
    const streak = readSystemValue<string>(open.db, 'lastAutoBackupError') !== null;
    open.sqlite.transaction(() => {
      writeSystemValue(open.db, 'lastAutoBackupError', `${at}: ${message}`, at);
      // Audited once per run of failures, not at every retry.
      if (!streak)
        appendAudit(
          open.sqlite,
          { role: 'system', action: 'backup.failed', entity: 'backup', detail: message },
          at,
        );
    })();
    return 'failed';
  }
}
