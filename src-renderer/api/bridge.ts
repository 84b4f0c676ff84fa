import type { CareDeskBridge } from '../../shared/contract';
import { createHttpBridge } from './http-bridge';

let current: CareDeskBridge | null = null;

/**
 * The transport of the contract: the Electron preload's `window.caredesk`, or — in the web build only — the
 * loopback HTTP bridge to the browser test host. `__CAREDESK_WEB__` is a build-time constant, so the Electron
 * bundle contains no HTTP client at all.
 */
export function getBridge(): CareDeskBridge {
  if (current) return current;
  if (window.caredesk) current = window.caredesk;
  else if (__CAREDESK_WEB__) current = createHttpBridge();
  else throw new Error('window.caredesk is missing: the renderer was opened outside CareDesk');
  return current;
}
