import { fail, type Result } from '../../../shared/contract/errors';
import type { CareDeskBridge, ChannelName, EventName, OutputOf } from '../../../shared/contract';
import { ipcChannelOf, ipcEventOf } from '../../ipc/channels';

/** The part of `ipcRenderer` the bridge uses (kept narrow so the bridge can be tested without Electron). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface ContractNames {
  channels: readonly string[];
  events: readonly string[];
}

/**
 * `window.caredesk`: `invoke` and `on` for contract channels and events, nothing else — never ipcRenderer
 * itself. Unknown names are refused here, before anything is sent; main and the core check again.
 */
export function createBridge(ipc: RendererIpc, names: ContractNames): CareDeskBridge {
  const channels = new Set(names.channels);
  const events = new Set(names.events);
  return {
    async invoke(channel, input) {
      if (typeof channel !== 'string' || !channels.has(channel)) {
        return fail('UNKNOWN_CHANNEL', 'This request is not part of CareDesk.');
      }
      try {
        return (await ipc.invoke(ipcChannelOf(channel as ChannelName), input)) as Result<
          OutputOf<typeof channel>
        >;
      } catch {
        // Only when main is not answering at all (or the input cannot be copied); the core never throws.
        return fail('INTERNAL', 'CareDesk could not reach its data service. Please try again.');
      }
    },
    on(event, listener) {
      if (typeof event !== 'string' || !events.has(event)) {
        throw new TypeError(`CareDesk has no event named ${String(event)}`);
      }
      if (typeof listener !== 'function') throw new TypeError('on(event, listener) needs a function');
      const name = ipcEventOf(event as EventName);
      // The IPC event object (which holds `sender`) never reaches the page: only the payload does.
      const relay = (_event: unknown, payload: unknown) =>
        listener(payload as Parameters<typeof listener>[0]);
      ipc.on(name, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(name, relay);
      };
    },
  };
}
