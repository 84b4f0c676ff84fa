import { AppError, rolesHave } from '../../../shared/contract';
import type { HandlerSlice } from '../../core/handler';
import { SyncHttpError } from '../../sync/client';
import { enrolFacility, NOT_ENROLLED, retryRejected, syncStatus } from '../../sync/pusher';
import { auditBy } from '../audit/audit.service';
import { isPushing, pushNow } from './sync.runtime';

type SyncChannels = 'sync.status' | 'sync.enrol' | 'sync.pushNow' | 'sync.retryRejected';
type ErrorKind = 'unreachable' | 'refused' | 'notEnrolled' | 'other';

/** The kind of a stored push failure, for the screen to word in the user's language. */
export function errorKindOf(message: string | null): ErrorKind | null {
  if (!message) return null;
  if (message === NOT_ENROLLED) return 'notEnrolled';
  if (/credential/i.test(message)) return 'refused';
  if (/not reachable|answered \d+|reply|HTTP 5\d\d|rate|busy|timed? ?out/i.test(message))
    return 'unreachable';
  return 'other';
}

export const syncHandlers: HandlerSlice<SyncChannels> = {
  'sync.status': (_input, ctx) => {
    const { sqlite } = ctx.database();
    const admin = rolesHave(ctx.user().roles, 'sync.manage');
    const s = syncStatus(sqlite);
    return {
      enrolled: s.enrolled,
      serverUrl: admin ? s.serverUrl : null,
      credentialStore: s.credentialStore,
      lastPushAt: s.lastPushAt,
      lastAttemptAt: s.lastAttemptAt,
      waiting: s.waiting,
      rejectedCount: s.rejected.length,
      rejected: admin ? s.rejected : [],
      errorKind: s.enrolled ? errorKindOf(s.lastError) : 'notEnrolled',
      lastErrorDetail: admin ? s.lastError : null,
      pushing: isPushing(ctx.state),
    };
  },
  'sync.enrol': async (input, ctx) => {
    const { sqlite } = ctx.database();
    const user = ctx.user();
    let done;
    try {
      done = await enrolFacility(sqlite, input);
    } catch (error) {
      // The server's own words are plain (enrolment code unknown or used, address not https…).
      const reason =
        error instanceof SyncHttpError
          ? error.message.replace(/ \(.*\)$/, '')
          : 'the server did not answer as a CareDesk server';
      throw new AppError('VALIDATION', `Enrolment failed: ${reason}.`, [
        {
          path: error instanceof SyncHttpError && error.status === 401 ? 'code' : 'serverUrl',
          message: reason,
        },
      ]);
    }
    const at = ctx.now.toISOString();
    sqlite.transaction(() => {
      auditBy(
        sqlite,
        user,
        {
          action: 'sync.enrol',
          entity: 'sync',
          detail: `${new URL(input.serverUrl).host} as ${done.facilityCode}; credential in the ${done.credentialStore}`,
        },
        at,
      );
    })();
    return done;
  },
  'sync.pushNow': async (_input, ctx) => {
    ctx.database();
    const report = await pushNow(ctx.state);
    return {
      accepted: report.accepted,
      rejected: report.rejected,
      waiting: report.waiting,
      errorKind: errorKindOf(report.error),
    };
  },
  'sync.retryRejected': (input, ctx) => {
    const { sqlite } = ctx.database();
    const user = ctx.user();
    return sqlite.transaction(() => {
      const requeued = retryRejected(sqlite, input.changeIds);
      auditBy(
        sqlite,
        user,
        {
          action: 'sync.retry',
          entity: 'sync',
          detail: `${requeued} set-aside changes back in the queue`,
        },
        ctx.now.toISOString(),
      );
      return { requeued };
    })();
  },
};
