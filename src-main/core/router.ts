import {
  AppError,
  contract,
  fail,
  isChannelName,
  actorHas,
  auditRole,
  type ChannelDef,
  type ChannelName,
  type Failure,
  type OutputOf,
  type Permission,
  type ReadAudit,
  type Result,
} from '../../shared/contract';
import { appErrorSaid, failSaid } from '../../shared/contract/messages';
import { fieldErrorsOf, summarizeFieldErrors } from '../../shared/contract/validation';
import { DatabaseUnreadableError } from '../db/open';
import { SchemaTooNewError } from '../db/migrate';
import { DatabaseDamagedError } from '../db/integrity';
import { BackupFileError } from '../db/backup';
import { VaultDamagedError, VaultFormatError } from '../security/vault';
import type { Session } from '../security/session';
import { appendAudit, auditBy } from '../modules/audit/audit.service';
import type { CallContext, Handlers } from './handler';
import type { CoreState } from './state';

/** What a locked window may still do: unlock itself, or end the session ("switch user"). */
const WHILE_LOCKED: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'session.unlock',
  'session.lock',
  'auth.logout',
]);
/** A session on a temporary password may only replace it (and lock/unlock or leave). */
const WHILE_MUST_CHANGE: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'auth.changePassword',
  'auth.logout',
  'session.lock',
  'session.unlock',
]);

/**
 * The one way a request travels: unknown channel → reject; session, lock and role →
 * UNAUTHENTICATED / LOCKED / FORBIDDEN (audited) BEFORE the input is even parsed, so a caller without the
 * right learns nothing about a channel's schema; zod-parse input → VALIDATION with field paths; handler;
 * read audit. Nothing thrown reaches the caller as a stack trace.
 */
export class Router {
  constructor(
    private readonly state: CoreState,
    private readonly handlers: Handlers,
  ) {}

  async dispatch(connectionId: string, channel: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channel)) {
      return failSaid('UNKNOWN_CHANNEL', 'core.unknownChannel');
    }
    const def = contract[channel];
    const session = this.state.sessions.get(connectionId);
    if (def.permission !== 'public') {
      const refusal = this.gate(connectionId, channel, def.permission, session);
      if (refusal) return refusal;
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      return fail('VALIDATION', `Please correct: ${summarizeFieldErrors(fields)}`, fields, {
        key: 'code.VALIDATION',
      });
    }
    const ctx = this.context(connectionId, session);
    try {
      const value = await (this.handlers[channel] as (i: unknown, c: CallContext) => unknown)(
        parsed.data,
        ctx,
      );
      // Fail closed: a patient record is never handed out without its read audit row.
      if (def.audit === 'read' && session) this.auditRead(channel, parsed.data, value, session);
      return { ok: true, value: value as OutputOf<ChannelName> };
    } catch (error) {
      return this.toFailure(channel, error);
    }
  }

  /** Session → lock → temporary password → role; a call that passes counts as activity (idle lock). */
  private gate(
    connectionId: string,
    channel: ChannelName,
    permission: Permission,
    session: Session | null,
  ): Failure | null {
    if (!session) return failSaid('UNAUTHENTICATED', 'core.signInFirst');
    if (session.locked && !WHILE_LOCKED.has(channel)) {
      return failSaid('LOCKED', 'core.sessionLocked');
    }
    if (session.mustChangePassword && !WHILE_MUST_CHANGE.has(channel)) {
      return failSaid('FORBIDDEN', 'core.mustChangePassword');
    }
    if (!actorHas(session, permission)) {
      this.auditRefusal(session.userId, auditRole(session), channel);
      return failSaid('FORBIDDEN', 'core.forbidden');
    }
    this.state.sessions.touch(connectionId);
    return null;
  }

  private context(connectionId: string, session: CallContext['session']): CallContext {
    const state = this.state;
    return {
      state,
      connectionId,
      session,
      now: state.now(),
      database() {
        const open = state.database;
        if (!open) throw appErrorSaid('LOCKED', 'core.locked');
        return open;
      },
      user() {
        if (!session) throw appErrorSaid('UNAUTHENTICATED', 'core.signInFirst');
        return session;
      },
    };
  }

  /** The read audit row a channel declares (`readAudit`): who read which record, or how many results. */
  private auditRead(channel: ChannelName, input: unknown, output: unknown, session: Session): void {
    const spec = (contract[channel] as ChannelDef).readAudit;
    const target = spec?.target?.(input, output) ?? null;
    const sqlite = this.state.database!.sqlite;
    // A read's row skips its own fsync (synchronous=NORMAL, WAL): it survives a crash, and the next write's
    // FULL commit syncs it to disk; only a power cut in between could lose it. Searches run per keystroke.
    sqlite.pragma('synchronous = NORMAL');
    try {
      auditBy(
        sqlite,
        session,
        {
          action: spec?.action ?? channel,
          entity: target?.entity ?? null,
          entityId: target?.id ?? null,
          patientId: target?.patientId ?? null,
          detail: readDetail(spec, input, output),
        },
        this.state.now().toISOString(),
      );
    } finally {
      sqlite.pragma('synchronous = FULL');
    }
  }

  private auditRefusal(userId: string, role: string, channel: ChannelName): void {
    const open = this.state.database;
    if (!open) return;
    try {
      appendAudit(
        open.sqlite,
        { userId, role, action: 'access.denied', detail: channel },
        this.state.now().toISOString(),
      );
    } catch {
      this.state.logger.error('audit.write_failed', { action: 'access.denied' });
    }
  }

  private toFailure(channel: ChannelName, error: unknown): Result<never> {
    if (error instanceof AppError) return fail(error.code, error.message, error.fields, error.said);
    if (error instanceof SchemaTooNewError) return fail('DATABASE', error.message);
    if (error instanceof DatabaseUnreadableError) return fail('DATABASE', error.message);
    if (error instanceof DatabaseDamagedError) return fail('DATABASE', error.message);
    if (error instanceof VaultFormatError || error instanceof VaultDamagedError) {
      return fail(
        'DATABASE',
        `${error.message} Restore vault.json from a backup, or restore a whole backup.`,
      );
    }
    if (error instanceof BackupFileError) return fail('VALIDATION', error.message);
    const code =
      typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
    if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
      this.state.logger.error('db.write_failed', { channel, code });
      return failSaid('DATABASE', 'core.diskFailed');
    }
    this.state.logger.error('handler.failed', {
      channel,
      code: code || null,
      name: error instanceof Error ? error.name : typeof error,
    });
    return failSaid('INTERNAL', 'core.internal');
  }
}

/** The read row's detail: the channel's counts, then the ids of the patients shown (deduplicated, in order). */
function readDetail(spec: ReadAudit | undefined, input: unknown, output: unknown): string | null {
  const detail = spec?.detail?.(input, output) ?? null;
  const shown = [...new Set(spec?.shown?.(input, output) ?? [])];
  if (shown.length === 0) return detail;
  return `${detail ? `${detail} ` : ''}shown=${shown.join(',')}`;
}
