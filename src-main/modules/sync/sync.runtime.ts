// The pusher running in the core while the database is open: a push on a timer (every minute by default)
// when the facility is enrolled, exponential back-off with jitter while the server cannot be reached, and
// "Sync now" joining the push already running. Network calls never run inside a transaction.
import type { CoreState } from '../../core/state';
import { Pusher, type PushReport } from '../../sync/pusher';

const pushers = new WeakMap<CoreState, Pusher>();

/** The core's pusher (created on first use, bound to whatever database is open). */
export function pusherOf(state: CoreState): Pusher {
  let pusher = pushers.get(state);
  if (!pusher) {
    pusher = new Pusher(() => state.database?.sqlite ?? null, state.options.syncIntervalMs ?? 60_000);
    pushers.set(state, pusher);
  }
  return pusher;
}

export function isPushing(state: CoreState): boolean {
  return pushers.get(state)?.busy ?? false;
}

/** One push now (the timer's and "Sync now"'s), never throwing: a failure is in the report and sync_state. */
export async function pushNow(state: CoreState): Promise<PushReport> {
  try {
    return await pusherOf(state).pushNow();
  } catch {
    state.logger.error('sync.push_failed');
    return { batches: 0, accepted: 0, rejected: 0, waiting: 0, error: 'the push stopped unexpectedly' };
  }
}

/** Starts the timer (a no-op with syncIntervalMs 0); returns the stop function. */
export function startSyncRuntime(state: CoreState): () => void {
  if (state.options.syncIntervalMs === 0) return () => {};
  const pusher = pusherOf(state);
  pusher.start();
  return () => pusher.stop();
}
