import type { ChannelName, Failure, InputOf, OutputOf } from '../../shared/contract';
import { invoke } from './client';

export interface QuerySnapshot<T = unknown> {
  data: T | undefined;
  failure: Failure | null;
  /** A request for this query is in flight (first load or refresh). */
  busy: boolean;
  fetchedAt: number;
}

interface Entry {
  channel: ChannelName;
  input: unknown;
  snapshot: QuerySnapshot;
  listeners: Set<() => void>;
  inFlight: Promise<void> | null;
}

const EMPTY: QuerySnapshot = { data: undefined, failure: null, busy: false, fetchedAt: 0 };

/**
 * Read results shared between screens, keyed by channel + input: two components asking for the same thing
 * make one call. Writes invalidate what they change; sign-in and sign-out clear everything, so one nurse never
 * sees the previous user's data on a shared PC.
 */
export class QueryCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by clear(): answers to requests sent before it are dropped. */
  private generation = 0;

  key(channel: ChannelName, input: unknown): string {
    return `${channel} ${JSON.stringify(input ?? {})}`;
  }

  snapshot<C extends ChannelName>(key: string): QuerySnapshot<OutputOf<C>> {
    return (this.entries.get(key)?.snapshot ?? EMPTY) as QuerySnapshot<OutputOf<C>>;
  }

  subscribe(channel: ChannelName, input: unknown, listener: () => void): () => void {
    const entry = this.entryFor(this.key(channel, input), channel, input);
    entry.listeners.add(listener);
    return () => entry.listeners.delete(listener);
  }

  /** Loads unless a fresh answer (younger than maxAgeMs) or a request is already there. */
  fetch<C extends ChannelName>(channel: C, input: InputOf<C>, maxAgeMs = 0): Promise<void> {
    const key = this.key(channel, input);
    const entry = this.entryFor(key, channel, input);
    if (entry.inFlight) return entry.inFlight;
    if (maxAgeMs > 0 && entry.snapshot.fetchedAt > 0 && Date.now() - entry.snapshot.fetchedAt < maxAgeMs) {
      return Promise.resolve();
    }
    const generation = this.generation;
    this.update(entry, { busy: true });
    entry.inFlight = invoke(channel, input).then((result) => {
      if (generation !== this.generation) return;
      entry.inFlight = null;
      if (result.ok)
        this.update(entry, { data: result.value, failure: null, busy: false, fetchedAt: Date.now() });
      else this.update(entry, { failure: result, busy: false });
    });
    return entry.inFlight;
  }

  /** After a write: reload matching queries that are on screen, forget the others. */
  invalidate(match: (channel: ChannelName) => boolean): void {
    for (const [key, entry] of this.entries) {
      if (!match(entry.channel)) continue;
      if (entry.listeners.size > 0) void this.fetch(entry.channel, entry.input as InputOf<ChannelName>);
      else this.entries.delete(key);
    }
  }

  /** Forget everything (sign-in, sign-out, lock). Screens still mounted see an empty state and reload. */
  clear(): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      entry.inFlight = null;
      if (entry.listeners.size === 0) this.entries.delete(key);
      else this.update(entry, EMPTY);
    }
  }

  private entryFor(key: string, channel: ChannelName, input: unknown): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { channel, input, snapshot: EMPTY, listeners: new Set(), inFlight: null };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private update(entry: Entry, change: Partial<QuerySnapshot>): void {
    entry.snapshot = { ...entry.snapshot, ...change };
    for (const listener of entry.listeners) listener();
  }
}

export const queryCache = new QueryCache();
