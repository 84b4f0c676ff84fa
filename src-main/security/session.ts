import type { Role, SessionInfo } from '../../shared/contract';

/** Sessions end after this long whatever the activity (issue: shared PCs). */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

export interface Session {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  mustChangePassword: boolean;
  startedAt: number;
  expiresAt: number;
  lastActivityAt: number;
  locked: boolean;
}

/** Which user is signed in on which connection (an Electron window or a browser tab of the test host). */
export class SessionStore {
  private readonly byConnection = new Map<string, Session>();

  constructor(private readonly now: () => Date) {}

  start(connectionId: string, user: Omit<Session, 'startedAt' | 'expiresAt' | 'lastActivityAt' | 'locked'>): Session {
    const t = this.now().getTime();
    const session: Session = { ...user, startedAt: t, expiresAt: t + SESSION_MAX_MS, lastActivityAt: t, locked: false };
    this.byConnection.set(connectionId, session);
    return session;
  }

  /** The live session of a connection; an expired one is ended here and reported as none. */
  get(connectionId: string): Session | null {
    const session = this.byConnection.get(connectionId);
    if (!session) return null;
    if (this.now().getTime() >= session.expiresAt) {
      this.byConnection.delete(connectionId);
      return null;
    }
    return session;
  }

  touch(connectionId: string): void {
    const session = this.byConnection.get(connectionId);
    if (session) session.lastActivityAt = this.now().getTime();
  }

  end(connectionId: string): boolean {
    return this.byConnection.delete(connectionId);
  }

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

  clear(): void {
    this.byConnection.clear();
  }
}

export function sessionInfo(session: Session): SessionInfo {
  return {
    userId: session.userId,
    username: session.username,
    fullName: session.fullName,
    role: session.role,
    mustChangePassword: session.mustChangePassword,
    expiresAt: new Date(session.expiresAt).toISOString(),
  };
}
