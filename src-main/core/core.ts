import type { ChannelName, InputOf, OutputOf, Result } from '../../shared/contract';
import { handlers } from './handlers';
import { Router } from './router';
import { CoreState, type CoreOptions } from './state';
import { recoverInterruptedRestore } from '../modules/backup/restore-journal';

export interface Core {
  state: CoreState;
  /** Untyped entry for transports: they carry whatever the other side sent. */
  dispatch(connectionId: string, channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** Typed entry for in-process callers (CLI, tests). */
  call<C extends ChannelName>(
    connectionId: string,
    channel: C,
    input: InputOf<C>,
  ): Promise<Result<OutputOf<C>>>;
  close(): void;
}

/** The core: the same code in the worker (app), in-process (tests, CLI) and behind the browser test host. */
export function createCore(options: CoreOptions): Core {
  const state = new CoreState(options);
  const restore = recoverInterruptedRestore(state.paths);
  if (restore !== 'none') state.logger.info('restore.recovered', { outcome: restore });
  const router = new Router(state, handlers);
  return {
    state,
    dispatch: (connectionId, channel, input) => router.dispatch(connectionId, channel, input),
    call: (connectionId, channel, input) =>
      router.dispatch(connectionId, channel, input) as Promise<Result<OutputOf<typeof channel>>>,
    close: () => state.close(),
  };
}
