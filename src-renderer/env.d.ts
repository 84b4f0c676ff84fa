import type { CareDeskBridge } from '../shared/contract';

declare global {
  /** True only in `vite build --mode web` (the browser test host); the Electron build drops the HTTP bridge. */
  const __CAREDESK_WEB__: boolean;

  interface Window {
    /** Exposed by the Electron preload: `invoke` and `on` for contract channels, nothing else. */
    readonly caredesk?: CareDeskBridge;
  }
}

export {};
