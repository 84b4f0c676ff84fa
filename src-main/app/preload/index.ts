import { contextBridge, ipcRenderer } from 'electron';
import type { CareDeskBridge } from '../../../shared/contract';
import { createBridge } from './bridge';
import { CHANNEL_NAMES, EVENT_NAMES } from './names';

// Bundled to CommonJS (scripts/build.mjs) so the window keeps `sandbox: true`; exposes `window.caredesk` only.
const bridge = createBridge(ipcRenderer, {
  channels: CHANNEL_NAMES,
  events: EVENT_NAMES,
}) satisfies CareDeskBridge;
contextBridge.exposeInMainWorld('caredesk', bridge);
