import { rolesOf, type Role, type SessionInfo } from '../../shared/contract';

/** Sessions end after this long whatever the activity (issue 4: shared PCs). */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** Default idle time before the screen locks; facilities change it in settings. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
/** How long a re-entered password allows sensitive admin actions (role changes, resets). */
export const REAUTH_WINDOW_MS = 5 * 60 * 1000;

export interface Session {
  userId: string;
  username: string;
  fullName: string;
  /** The main role; `roles` is every role of the account (rights are their union). */
  role: Role;
  roles: Role[];
  mustChangePassword: boolean;
  hasPin: boolean;
  startedAt: number;
  expiresAt: number;
  lastActivityAt: number;
  locked: boolean;
  pinFailures: number;
  /** Epoch ms until which the password was re-confirmed; 0 = never. */
  reauthUntil: number;
}

export type SessionEnd = 'expired' | 'ended';

export interface SessionHooks {
  /** The session locked itself after the idle time. */
  onIdleLock?(connectionId: string, session: Session): void;
  onExpired?(connectionId: string, session: Session): void;
}

type NewSession = Pick<
  Session,
  'userId' | 'username' | 'fullName' | 'role' | 'mustChangePassword' | 'hasPin'
> & { roles?: readonly Role[] | undefined };

/** Which user is signed in on which connection (an Electron window or a browser tab of the test host). */
export class SessionStore {
  private readonly byConnection = new Map<string, Session>();
  /** 0 = never lock on idle. */
  idleMs = DEFAULT_IDLE_LOCK_MINUTES * 60 * 1000;
  hooks: SessionHooks = {};

  constructor(private readonly now: () => Date) {}

  start(connectionId: string, user: NewSession): Session {
    const t = this.now().getTime();
    const session: Session = {
      ...user,
      roles: rolesOf(user),
      startedAt: t,
      expiresAt: t + SESSION_MAX_MS,
      lastActivityAt: t,
      locked: false,
      pinFailures: 0,
      reauthUntil: 0,
    };
    this.byConnection.set(connectionId, session);
    return session;
  }

  /** The live session of a connection: an expired one is ended, an idle one is locked, here. */
  get(connectionId: string): Session | null {
    const session = this.byConnection.get(connectionId);
    if (!session) return null;
    const t = this.now().getTime();
    if (t >= session.expiresAt) {
      this.byConnection.delete(connectionId);
      this.hooks.onExpired?.(connectionId, session);
      return null;
    }
    if (!session.locked && this.idleMs > 0 && t - session.lastActivityAt >= this.idleMs) {
      session.locked = true;
      this.hooks.onIdleLock?.(connectionId, session);
    }
    return session;
  }

  /** Applies expiry and idle lock to every session (run on a timer so windows learn without a call). */
  sweep(): void {
    for (const connectionId of [...this.byConnection.keys()]) this.get(connectionId);
  }

  touch(connectionId: string): void {
    const session = this.byConnection.get(connectionId);
    if (session && !session.locked) session.lastActivityAt = this.now().getTime();
  }

  lock(connectionId: string): Session | null {
    const session = this.get(connectionId);
    if (session) session.locked = true;
    return session;
  }

  unlock(connectionId: string): void {
    const session = this.byConnection.get(connectionId);
    if (!session) return;
    session.locked = false;
    session.pinFailures = 0;
    session.lastActivityAt = this.now().getTime();
  }

  end(connectionId: string): boolean {
    return this.byConnection.delete(connectionId);
  }

  /** Ends every session of a user (deactivation, reset); returns the connections to tell. */
  endAllFor(userId: string): string[] {
    const ended: string[] = [];
    for (const [connectionId, session] of this.byConnection) {
      if (session.userId === userId) {
        this.byConnection.delete(connectionId);
        ended.push(connectionId);
      }
    }
    return ended;
  }

  /** Applies a change to every open session of a user (e.g. new role, PIN set). */
  updateAllFor(
    userId: string,
    change: Partial<Pick<Session, 'role' | 'roles' | 'fullName' | 'hasPin' | 'mustChangePassword'>>,
  ): void {
    for (const session of this.byConnection.values())
      if (session.userId === userId) Object.assign(session, change);
  }

  connections(): string[] {
    return [...this.byConnection.keys()];
  }

  clear(): void {
    this.byConnection.clear();
  }
}

export function reauthValid(session: Session, now: Date): boolean {
  return session.reauthUntil > now.getTime();
}

export function sessionInfo(session: Session): SessionInfo {
  return {
    userId: session.userId,
    username: session.username,
    fullName: session.fullName,
    role: session.role,
    roles: session.roles,
    mustChangePassword: session.mustChangePassword,
    locked: session.locked,
    hasPin: session.hasPin,
    expiresAt: new Date(session.expiresAt).toISOString(),
  };
}
