import { ipcMain, webContents, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, fail, type ChannelName } from '../../shared/contract';
import type { CoreHost } from '../core/host';
import type { Logger } from '../core/log';
import { ipcChannelOf, ipcEventOf } from './channels';
import { refusalOf, type SenderInfo } from './sender';

export interface IpcBinding {
  /** Lets a window call the core; its session ends when the window is destroyed. */
  attach(contents: WebContents): void;
  dispose(): void;
}

/**
 * Electron IPC transport of the contract (DESIGN.md §1): one `ipcMain.handle` per contract channel, derived
 * from `channelNames`. Main only checks who is calling and relays; the core validates, authorizes and answers.
 * The connection id is the window's webContents id, so each window has its own session.
 */
export function bindContract(host: CoreHost, logger: Logger): IpcBinding {
  const windows = new Set<number>();

  for (const channel of channelNames) {
    ipcMain.handle(ipcChannelOf(channel), (event, input: unknown) => relay(event, channel, input));
  }

  function relay(event: IpcMainInvokeEvent, channel: ChannelName, input: unknown) {
    const refusal = refusalOf(senderOf(event), windows);
    if (refusal) {
      logger.warn('ipc.sender_refused', { channel, reason: refusal });
      return fail('FORBIDDEN', 'This request did not come from a CareDesk window.');
    }
    return host.dispatch(String(event.sender.id), channel, input);
  }

  const stopEvents = host.onEvent(({ connectionId, name, payload }) => {
    const id = Number(connectionId);
    if (!windows.has(id)) return;
    const target = webContents.fromId(id);
    if (target && !target.isDestroyed()) target.send(ipcEventOf(name), payload);
  });

  return {
    attach(contents) {
      const id = contents.id;
      windows.add(id);
      contents.once('destroyed', () => {
        windows.delete(id);
        // A closed window must not leave a signed-in session behind on a shared PC (audited as a logout).
        void host.dispatch(String(id), 'auth.logout', {});
      });
    },
    dispose() {
      for (const channel of channelNames) ipcMain.removeHandler(ipcChannelOf(channel));
      stopEvents();
      windows.clear();
    },
  };
}

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  let frame: SenderInfo['frame'] = null;
  try {
    const sender = event.senderFrame;
    if (sender && !sender.isDestroyed()) frame = { url: sender.url, isMainFrame: sender.parent === null };
  } catch {
    frame = null; // the frame went away while the message travelled
  }
  return { webContentsId: event.sender.id, frame };
}
