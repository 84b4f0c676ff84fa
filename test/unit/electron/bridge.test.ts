import { describe, expect, it, vi } from 'vitest';
import { channelNames, events } from '../../../shared/contract';
import { createBridge, type RendererIpc } from '../../../src-main/app/preload/bridge';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../src-main/app/preload/names';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answer: (channel: string, input: unknown) => Promise<unknown>) {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn((channel: string, input: unknown) => answer(channel, input)),
    on: (channel: string, listener: Listener) =>
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
  } satisfies RendererIpc;
  const emit = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((l) => l({ sender: 'ipcRenderer (must never reach the page)' }, payload));
  return { ipc, emit, listeners };
}

const names = { channels: CHANNEL_NAMES, events: EVENT_NAMES };

describe('preload bridge (window.caredesk)', () => {
  it('allows exactly the contract’s channels and events', () => {
    expect([...CHANNEL_NAMES]).toEqual(channelNames);
    expect([...EVENT_NAMES]).toEqual(Object.keys(events));
  });

  it('sends a contract call on its own IPC channel and returns the core’s answer untouched', async () => {
    const { ipc } = fakeIpc(async () => ({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: 'Please sign in first.',
    }));
    const bridge = createBridge(ipc, names);
    const result = await bridge.invoke('home.summary', {});
    expect(ipc.invoke).toHaveBeenCalledWith('caredesk:home.summary', {});
    expect(result).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: 'Please sign in first.' });
  });

  it('refuses unknown channels before anything is sent', async () => {
    const { ipc } = fakeIpc(async () => ({ ok: true, value: null }));
    const bridge = createBridge(ipc, names);
    for (const name of ['patients.dropAll', '__proto__', 'constructor', '', 42]) {
      const result = await bridge.invoke(name as 'app.status', {});
      expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('answers INTERNAL (never throws) when main does not answer', async () => {
    const { ipc } = fakeIpc(async () => {
      throw new Error("No handler registered for 'caredesk:app.status'");
    });
    const result = await createBridge(ipc, names).invoke('app.status', {});
    expect(result).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: 'CareDesk could not reach its data service. Please try again.',
    });
  });

  it('passes event payloads (not the IPC event object) to listeners, and unsubscribes once', () => {
    const { ipc, emit, listeners } = fakeIpc(async () => null);
    const bridge = createBridge(ipc, names);
    const seen: unknown[] = [];
    const off = bridge.on('session.changed', (payload) => seen.push(payload));
    emit('caredesk:event:session.changed', { reason: 'locked' });
    expect(seen).toEqual([{ reason: 'locked' }]);
    off();
    off();
    emit('caredesk:event:session.changed', { reason: 'ended' });
    expect(seen).toHaveLength(1);
    expect(listeners.get('caredesk:event:session.changed')?.size).toBe(0);
  });

  it('refuses to subscribe to events that are not in the contract', () => {
    const bridge = createBridge(fakeIpc(async () => null).ipc, names);
    expect(() => bridge.on('app.quit' as 'session.changed', () => {})).toThrow(/no event named app\.quit/);
  });
});
