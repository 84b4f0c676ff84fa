import { describe, expect, it } from 'vitest';
import { parseFromWorker, parseToWorker } from './worker-protocol';

describe('worker protocol', () => {
  it('accepts only init, call and close, with the fields they need', () => {
    expect(
      parseToWorker({
        type: 'init',
        options: { dataDir: '/d', kdf: { alg: 'argon2id', m: 19456, t: 2, p: 1 } },
      }),
    ).toMatchObject({ type: 'init', options: { dataDir: '/d' } });
    expect(
      parseToWorker({ type: 'call', requestId: 4, connectionId: '7', channel: 'app.status', input: {} }),
    ).toEqual({
      type: 'call',
      requestId: 4,
      connectionId: '7',
      channel: 'app.status',
      input: {},
    });
    expect(parseToWorker({ type: 'close' })).toEqual({ type: 'close' });
    for (const junk of [
      null,
      'close',
      { type: 'eval', code: 'process.exit()' },
      { type: 'init', options: {} },
      { type: 'init', options: { dataDir: '/d', nativeBinding: 3 } },
      { type: 'init', options: { dataDir: '/d', kdf: { alg: 'argon2id', m: 0, t: 2, p: 1 } } },
      { type: 'call', requestId: 1.5, connectionId: '7', channel: 'x' },
      { type: 'call', requestId: 1, connectionId: '', channel: 'x' },
    ]) {
      expect(parseToWorker(junk), JSON.stringify(junk)).toBeNull();
    }
  });

  it('checks what the worker sends back', () => {
    expect(parseFromWorker({ type: 'result', requestId: 2, result: { ok: true, value: 1 } })).toEqual({
      type: 'result',
      requestId: 2,
      result: { ok: true, value: 1 },
    });
    expect(parseFromWorker({ type: 'log', level: 'warn', event: 'login.failed' })).toEqual({
      type: 'log',
      level: 'warn',
      event: 'login.failed',
    });
    expect(parseFromWorker({ type: 'result', requestId: 2, result: 'ok' })).toBeNull();
    expect(parseFromWorker({ type: 'log', level: 'debug', event: 'x' })).toBeNull();
    expect(parseFromWorker({ type: 'event', connectionId: '', name: 'session.changed' })).toBeNull();
    expect(parseFromWorker({ type: 'init-failed' })).toBeNull();
  });
});
