import {
  AppError,
  contract,
  fail,
  isChannelName,
  roleHas,
  type ChannelName,
  type OutputOf,
  type Result,
} from '../../shared/contract';
import { fieldErrorsOf, summarizeFieldErrors } from '../../shared/contract/validation';
import { DatabaseUnreadableError } from '../db/open';
import { SchemaTooNewError } from '../db/migrate';
import { appendAudit } from '../modules/audit/audit.service';
import type { CallContext, Handlers } from './handler';
import type { CoreState } from './state';

/**
 * The one way a request travels (DESIGN.md §1): unknown channel → reject; zod-parse input → VALIDATION with
 * field paths; session and role → UNAUTHENTICATED / FORBIDDEN (audited); handler; read audit.
 * Nothing thrown reaches the caller as a stack trace.
 */
export class Router {
  constructor(
    private readonly state: CoreState,
    private readonly handlers: Handlers,
  ) {}

  async dispatch(connectionId: string, channel: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channel)) {
      return fail('UNKNOWN_CHANNEL', 'This request is not part of CareDesk.');
    }
    const def = contract[channel];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      return fail('VALIDATION', `Please correct: ${summarizeFieldErrors(fields)}`, fields);
    }
    const session = this.state.sessions.get(connectionId);
    if (def.permission !== 'public') {
      if (!session) return fail('UNAUTHENTICATED', 'Please sign in first.');
      if (!roleHas(session.role, def.permission)) {
        this.auditRefusal(session.userId, session.role, channel);
        return fail('FORBIDDEN', 'Your role does not allow this.');
      }
      this.state.sessions.touch(connectionId);
    }
    const ctx = this.context(connectionId, session);
    try {
      const value = await (this.handlers[channel] as (i: unknown, c: CallContext) => unknown)(
        parsed.data,
        ctx,
      );
      return { ok: true, value: value as OutputOf<ChannelName> };
    } catch (error) {
      return this.toFailure(channel, error);
    }
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
        if (!open) throw new AppError('LOCKED', 'The database is locked. Please sign in.');
        return open;
      },
      user() {
        if (!session) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
        return session;
      },
    };
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
    if (error instanceof AppError) return fail(error.code, error.message, error.fields);
    if (error instanceof SchemaTooNewError) return fail('DATABASE', error.message);
    if (error instanceof DatabaseUnreadableError) return fail('DATABASE', error.message);
    const code =
      typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
    if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
      this.state.logger.error('db.write_failed', { channel, code });
      return fail(
        'DATABASE',
        'The computer could not save to its disk (it may be full or failing). Nothing was saved.',
      );
    }
    this.state.logger.error('handler.failed', {
      channel,
      code: code || null,
      name: error instanceof Error ? error.name : typeof error,
    });
    return fail('INTERNAL', 'Something went wrong inside CareDesk. Nothing was saved. Please try again.');
  }
}
