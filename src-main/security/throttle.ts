import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../db/files';

/** Failures allowed before the back-off starts (issue 4). */
export const FREE_FAILURES = 5;
/** Longest wait between two attempts once backing off. */
export const MAX_BACKOFF_MS = 15 * 60 * 1000;
/** Hard ceiling whatever the back-off: at most this many failures per account per hour. */
export const MAX_FAILURES_PER_HOUR = 100;
const HOUR_MS = 60 * 60 * 1000;
/** Failures waiting to be audited are capped so a flood cannot grow the file without bound. */
const MAX_PENDING = 500;
const MAX_ENTRIES = 1000;

interface Entry {
  /** Failures since the last success. */
  failures: number;
  /** Epoch ms before which no attempt is tried. */
  nextAt: number;
  /** Epoch ms of the failures in the last hour. */
  recent: number[];
}

/** A failure seen while the database was closed: audited as soon as it opens. */
export interface PendingFailure {
  tag: string;
  at: string;
  reason: 'wrong' | 'throttled';
  /** The audit action to record (default: login.failed, or recovery.failed for the recovery tag). */
  action?: string;
}

interface ThrottleFile {
  format: 1;
  entries: Record<string, Entry>;
  pending: PendingFailure[];
  dropped: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; waitSeconds: number };

/**
 * Per-account sign-in throttle that survives a restart. Accounts are named only by their vault user tag
 * (an HMAC of the username), and an unknown username gets its own tag too, so the throttle answers the
 * same for real and made-up accounts (no enumeration).
 */
export class LoginThrottle {
  private data: ThrottleFile | null = null;

  constructor(
    private readonly file: string,
    private readonly now: () => Date,
  ) {}

  check(tag: string): ThrottleVerdict {
    const entry = this.load().entries[tag];
    if (!entry) return { allowed: true };
    const t = this.now().getTime();
    // A clock set back after failures must not lock the account for days: no wait is ever longer than the
    // maximum back-off from now, and failures "in the future" count as now (kept, so the clamp sticks).
    if (entry.nextAt > t + MAX_BACKOFF_MS || entry.recent.some((r) => r > t)) {
      entry.nextAt = Math.min(entry.nextAt, t + MAX_BACKOFF_MS);
      entry.recent = entry.recent.map((r) => Math.min(r, t));
      this.save(this.load());
    }
    const recent = entry.recent.filter((r) => r > t - HOUR_MS);
    let until = entry.nextAt;
    if (recent.length >= MAX_FAILURES_PER_HOUR) until = Math.max(until, recent[0]! + HOUR_MS);
    return until > t ? { allowed: false, waitSeconds: Math.ceil((until - t) / 1000) } : { allowed: true };
  }

  /**
   * Records a failed attempt; `audited` = it was already written to the open database. Returns the pending
   * audit entry (if one was kept) so a caller that audits next can `settle` it once that write succeeds.
   */
  fail(
    tag: string,
    audited: boolean,
    reason: PendingFailure['reason'] = 'wrong',
    action?: string,
  ): PendingFailure | null {
    const data = this.load();
    const t = this.now().getTime();
    if (reason === 'wrong') {
      const entry = data.entries[tag] ?? { failures: 0, nextAt: 0, recent: [] };
      entry.failures += 1;
      entry.recent = [...entry.recent.filter((r) => r > t - HOUR_MS), t];
      entry.nextAt = t + backoffMs(entry.failures);
      delete data.entries[tag];
      data.entries[tag] = entry; // re-insert: newest last, so pruning drops the oldest
    }
    let pending: PendingFailure | null = null;
    if (!audited) {
      if (data.pending.length < MAX_PENDING) {
        pending = { tag, at: new Date(t).toISOString(), reason, ...(action ? { action } : {}) };
        data.pending.push(pending);
      } else data.dropped += 1;
    }
    this.save(data);
    return pending;
  }

  /** The pending entry was audited after all: forget it. */
  settle(entry: PendingFailure): void {
    const data = this.load();
    const i = data.pending.indexOf(entry);
    if (i < 0) return;
    data.pending.splice(i, 1);
    this.save(data);
  }

  succeed(tag: string): void {
    const data = this.load();
    if (!(tag in data.entries)) return;
    delete data.entries[tag];
    this.save(data);
  }

  /** Failures seen while the database was closed; cleared once handed over (the caller audits them). */
  takePending(): { pending: PendingFailure[]; dropped: number } {
    const data = this.load();
    const out = { pending: data.pending, dropped: data.dropped };
    if (out.pending.length === 0 && out.dropped === 0) return out;
    data.pending = [];
    data.dropped = 0;
    this.save(data);
    return out;
  }

  failuresOf(tag: string): number {
    return this.load().entries[tag]?.failures ?? 0;
  }

  private load(): ThrottleFile {
    if (this.data) return this.data;
    this.data = { format: 1, entries: {}, pending: [], dropped: 0 };
    if (existsSync(this.file)) {
      try {
        const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<ThrottleFile>;
        if (parsed.format === 1 && parsed.entries && Array.isArray(parsed.pending)) {
          this.data = {
            format: 1,
            entries: parsed.entries,
            pending: parsed.pending,
            dropped: parsed.dropped ?? 0,
          };
        }
      } catch {
        // A damaged throttle file must not lock everyone out; it is rebuilt from here on.
      }
    }
    return this.data;
  }

  private save(data: ThrottleFile): void {
    const t = this.now().getTime();
    for (const [tag, entry] of Object.entries(data.entries)) {
      if (entry.nextAt < t - 24 * HOUR_MS && entry.recent.every((r) => r < t - HOUR_MS))
        delete data.entries[tag];
    }
    // Over the cap, drop the least telling entries first (fewest failures, oldest), so a flood of made-up
    // usernames cannot push a real account's back-off out of the file.
    const tags = Object.keys(data.entries);
    if (tags.length > MAX_ENTRIES) {
      const weight = (tag: string) => {
        const e = data.entries[tag]!;
        return [e.nextAt > t ? 1 : 0, e.failures, e.recent.at(-1) ?? 0] as const;
      };
      const ranked = tags.sort((a, b) => {
        const [x, y] = [weight(a), weight(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      });
      for (const tag of ranked.slice(0, tags.length - MAX_ENTRIES)) delete data.entries[tag];
    }
    this.data = data;
    try {
      writeFileAtomic(this.file, JSON.stringify(data));
    } catch {
      // A full disk or read-only folder must not switch throttling off: memory keeps counting, and the
      // next successful save writes everything.
    }
  }
}

/** No wait for the first five failures, then 1 s, 2 s, 4 s … up to 15 minutes. */
export function backoffMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

/** "1 second", "2 seconds", "3 minutes": the wait in a refusal message. */
export function seconds(n: number): string {
  if (n >= 120) return `${Math.ceil(n / 60)} minutes`;
  return n === 1 ? '1 second' : `${n} seconds`;
}
