import { isAppUrl } from './app-files';

/**
 * Which requests a CareDesk window may make at all. The app is offline-first and the renderer never talks to
 * the network or the disk itself (sync runs in the core), so only our own origin, inline data and — in
 * development — the DevTools are allowed. This backs up the CSP at the session level.
 */
export function isAllowedRequest(url: string, options: { devTools: boolean }): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:') || url.startsWith('blob:app://caredesk/')) return true;
  if (options.devTools && (url.startsWith('devtools://') || url.startsWith('chrome-extension://')))
    return true;
  return false;
}

/**
 * Web permissions (camera, geolocation, notifications, USB, …) are all refused: nothing in CareDesk needs them.
 * The one exception is writing plain text to the clipboard from our own page ("copy the recovery code").
 */
export function isAllowedPermission(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}
