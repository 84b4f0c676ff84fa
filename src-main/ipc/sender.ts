import { isAppUrl } from '../app/app-files';

/** What main knows about who sent an IPC call (from `event.sender` and `event.senderFrame`). */
export interface SenderInfo {
  webContentsId: number;
  /** Null when the frame is gone or navigated away before the call arrived. */
  frame: { url: string; isMainFrame: boolean } | null;
}

export type RefusalReason = 'unknown-window' | 'no-frame' | 'sub-frame' | 'foreign-origin';

/**
 * Why a call must be refused, or null if it comes from the main frame of one of our windows showing our app
 * (Electron security checklist §17: validate the sender of every IPC message).
 */
export function refusalOf(sender: SenderInfo, windows: ReadonlySet<number>): RefusalReason | null {
  if (!windows.has(sender.webContentsId)) return 'unknown-window';
  if (!sender.frame) return 'no-frame';
  if (!sender.frame.isMainFrame) return 'sub-frame';
  if (!isAppUrl(sender.frame.url)) return 'foreign-origin';
  return null;
}
