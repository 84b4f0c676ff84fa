import { beforeAll, describe, expect, it } from 'vitest';
import type { CareDeskBridge, Result } from '../../../shared/contract';
import { QueryCache } from '../../../src-renderer/api/query-cache';

/** A transport whose answers the test releases by hand, to order them against clear() and invalidate(). */
const calls: { channel: string; resolve(result: Result<unknown>): void }[] = [];
const bridge = {
  invoke: (channel: string) => new Promise<Result<unknown>>((resolve) => calls.push({ channel, resolve })),
  on: () => () => {},
} as unknown as CareDeskBridge;

beforeAll(() => {
  (globalThis as { window?: unknown }).window = { caredesk: bridge };
});

const summary = (name: string) => ({ ok: true as const, value: { facility: { name } } });

describe('query cache', () => {
  it('makes one call for two screens asking the same thing at once', async () => {
    calls.length = 0;
    const cache = new QueryCache();
    const a = cache.fetch('home.summary', {});
    const b = cache.fetch('home.summary', {});
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(summary('A'));
    await Promise.all([a, b]);
    expect(cache.snapshot(cache.key('home.summary', {}))).toMatchObject({
      data: { facility: { name: 'A' } },
      busy: false,
    });
  });

  it('drops an answer that arrives after clear(): the next user never sees the previous user’s data', async () => {
    calls.length = 0;
    const cache = new QueryCache();
    const key = cache.key('home.summary', {});
    let notified = 0;
    cache.subscribe('home.summary', {}, () => notified++);
    const before = cache.fetch('home.summary', {});
    cache.clear();
    calls[0]!.resolve(summary('previous user'));
    await before;
    expect(cache.snapshot(key).data).toBeUndefined();
    expect(notified).toBeGreaterThan(0);
    const after = cache.fetch('home.summary', {});
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(summary('next user'));
    await after;
    expect(cache.snapshot(key).data).toEqual({ facility: { name: 'next user' } });
  });

  it('keeps a failure, and reloads queries on screen when a write invalidates them', async () => {
    calls.length = 0;
    const cache = new QueryCache();
    const key = cache.key('home.summary', {});
    cache.subscribe('home.summary', {}, () => {});
    const first = cache.fetch('home.summary', {});
    calls[0]!.resolve({ ok: false, code: 'FORBIDDEN', message: 'Your role does not allow this.' });
    await first;
    expect(cache.snapshot(key)).toMatchObject({ data: undefined, failure: { code: 'FORBIDDEN' } });
    cache.invalidate((channel) => channel === 'app.status');
    expect(calls).toHaveLength(1);
    cache.invalidate((channel) => channel === 'home.summary');
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(summary('B'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.snapshot(key)).toMatchObject({ data: { facility: { name: 'B' } }, failure: null });
  });
});
