import type { CoreState, OpenDatabase } from '../../core/state';
import type { PendingFailure } from '../../security/throttle';
import { appendAudit, type AuditEntry } from '../audit/audit.service';

/**
 * A failed attempt is COUNTED first (throttle memory and file), then audited. A full disk used to make the
 * audit insert throw before the throttle counted, turning throttling off; now a failed audit write leaves a
 * pending entry that the throttle file keeps and the next open of the database audits.
 */
export function countThenAudit(
  state: CoreState,
  tag: string,
  failure: { reason?: PendingFailure['reason']; action: string },
  entry: (open: OpenDatabase) => AuditEntry,
): void {
  const pending = state.throttle.fail(tag, false, failure.reason ?? 'wrong', failure.action);
  const open = state.database;
  if (!open) return;
  try {
    appendAudit(open.sqlite, entry(open), pending?.at ?? state.now().toISOString());
    if (pending) state.throttle.settle(pending);
  } catch {
    state.logger.warn('audit.pending', { action: failure.action });
  }
}
