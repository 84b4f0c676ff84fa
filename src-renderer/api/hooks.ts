import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ChannelName, Failure, InputOf, OutputOf, Result } from '../../shared/contract';
import { invoke } from './client';
import { queryCache } from './query-cache';

/** Loading indicators appear only for waits over this long; shorter ones would only flicker. */
export const PROGRESS_DELAY_MS = 200;

/** `flag`, but turning on only after it has stayed on for `delayMs`. */
export function useDelayedFlag(flag: boolean, delayMs = PROGRESS_DELAY_MS): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) return;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [flag, delayMs]);
  return flag && shown;
}

export interface QueryOptions {
  /** Reload this often while on screen, and when the window regains focus (live figures). */
  refreshMs?: number;
}

export interface QueryState<T> {
  data: T | undefined;
  failure: Failure | null;
  busy: boolean;
  /** busy for more than 200 ms: show a loading indicator. */
  showProgress: boolean;
  /** When the shown data arrived (ms since epoch; 0 = not yet). */
  fetchedAt: number;
  reload(): void;
}

/** A read channel's result, shared through the query cache. `input` may be a fresh object on every render. */
export function useQuery<C extends ChannelName>(
  channel: C,
  input: InputOf<C>,
  options: QueryOptions = {},
): QueryState<OutputOf<C>> {
  const key = queryCache.key(channel, input);
  // The key stands for the input: a new object with the same content is the same query.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableInput = useMemo(() => input, [key]);
  const subscribe = useCallback(
    (listener: () => void) => queryCache.subscribe(channel, stableInput, listener),
    [channel, stableInput],
  );
  const snapshot = useSyncExternalStore(subscribe, () => queryCache.snapshot<C>(key));
  const reload = useCallback(() => void queryCache.fetch(channel, stableInput), [channel, stableInput]);

  const empty = snapshot.fetchedAt === 0 && !snapshot.busy && !snapshot.failure;
  useEffect(() => {
    if (empty) reload();
  }, [key, empty, reload]);

  const { refreshMs } = options;
  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(reload, refreshMs);
    window.addEventListener('focus', reload);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', reload);
    };
  }, [refreshMs, reload]);

  const showProgress = useDelayedFlag(snapshot.busy);
  return {
    data: snapshot.data,
    failure: snapshot.failure,
    busy: snapshot.busy,
    showProgress,
    fetchedAt: snapshot.fetchedAt,
    reload,
  };
}

export interface ActionState<C extends ChannelName> {
  /** Sends the call; a second call while one is in flight gets the first one's answer (no double submit). */
  run(input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  busy: boolean;
  showProgress: boolean;
  failure: Failure | null;
  reset(): void;
}

/** A write (or any call started by the user). `invalidates` lists the reads it makes stale. */
export function useAction<C extends ChannelName>(
  channel: C,
  options: { invalidates?: readonly ChannelName[] } = {},
): ActionState<C> {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inFlight = useRef<Promise<Result<OutputOf<C>>> | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const invalidates = options.invalidates?.join(' ') ?? '';

  const run = useCallback(
    (input: InputOf<C>) => {
      if (inFlight.current) return inFlight.current;
      setBusy(true);
      setFailure(null);
      const request = invoke(channel, input).then((result) => {
        inFlight.current = null;
        if (result.ok && invalidates) {
          const stale = new Set(invalidates.split(' '));
          queryCache.invalidate((name) => stale.has(name));
        }
        if (mounted.current) {
          setBusy(false);
          setFailure(result.ok ? null : result);
        }
        return result;
      });
      inFlight.current = request;
      return request;
    },
    [channel, invalidates],
  );
  const reset = useCallback(() => setFailure(null), []);
  return { run, busy, showProgress: useDelayedFlag(busy), failure, reset };
}
