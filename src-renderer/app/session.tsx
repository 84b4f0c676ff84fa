import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { EventPayload, Failure, OutputOf, Result, SessionInfo } from '../../shared/contract';
import { invoke, onEvent, onSessionLost } from '../api/client';
import { queryCache } from '../api/query-cache';
import { noteSession } from '../components/drafts';

export type AppStatus = OutputOf<'app.status'>;
export type SessionEndReason = EventPayload<'session.changed'>['reason'];

export type SessionState =
  { phase: 'loading' } | { phase: 'unreachable'; failure: Failure } | { phase: 'ready'; status: AppStatus };

export interface SessionContextValue {
  state: SessionState;
  session: SessionInfo | null;
  /** Why the last session ended, told once on the sign-in screen. */
  notice: SessionEndReason | null;
  /** Asks the core again (after sign-in, setup, or when something says the session changed). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Which screen family the app shows comes from the core (`app.status`), never from renderer state alone.
 * The core's `session.changed` event and any signed-in call answered UNAUTHENTICATED/LOCKED bring it back in line.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });
  const [notice, setNotice] = useState<SessionEndReason | null>(null);
  const userId = useRef<string | null>(null);
  const mustChanged = useRef(false);

  const apply = useCallback((result: Result<AppStatus>) => {
    if (!result.ok) {
      setState({ phase: 'unreachable', failure: result });
      return;
    }
    const nextUser = result.value.session?.userId ?? null;
    // Another user (or none): forget every cached read so nobody sees the previous user's screens.
    const mustChange = result.value.session?.mustChangePassword ?? false;
    // Another user (or the temporary password just replaced): answers refused before are stale.
    if (nextUser !== userId.current || (mustChanged.current && !mustChange)) queryCache.clear();
    mustChanged.current = mustChange;
    // Drafts survive a lock for the same person only (dropped when someone else signs in).
    noteSession(nextUser, result.value.session?.locked ?? false);
    if (nextUser) setNotice(null);
    userId.current = nextUser;
    setState({ phase: 'ready', status: result.value });
  }, []);
  const refresh = useCallback(() => invoke('app.status', {}).then(apply), [apply]);

  useEffect(() => {
    void invoke('app.status', {}).then(apply);
    const offEvent = onEvent('session.changed', ({ reason }) => {
      setNotice(reason);
      void refresh();
    });
    const offLost = onSessionLost(() => {
      setNotice((current) => current ?? 'expired');
      void refresh();
    });
    return () => {
      offEvent();
      offLost();
    };
  }, [apply, refresh]);

  const signOut = useCallback(async () => {
    await invoke('auth.logout', {});
    setNotice('logout');
    await refresh();
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      session: state.phase === 'ready' ? state.status.session : null,
      notice,
      refresh,
      signOut,
    }),
    [state, notice, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
