import { app, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/log';
import { withSecurityHeaders } from './csp';
import { isAllowedPermission, isAllowedRequest } from './policy';

/**
 * Electron security checklist, applied once for the whole app (DESIGN.md §4). Call before `app.ready`:
 * every renderer is sandboxed, and every web contents ever created — windows, DevTools, anything a bug or an
 * attacker manages to open — gets navigation, new windows and <webview> denied.
 */
export function hardenApp(logger: Logger): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, logger));
}

function hardenContents(contents: WebContents, logger: Logger): void {
  // Our UI is a single page: it never navigates; links to elsewhere must not turn the window into a browser.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    logger.warn('security.navigation_denied');
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) {
      event.preventDefault();
      logger.warn('security.frame_navigation_denied');
    }
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => {
    logger.warn('security.window_open_denied');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('security.webview_denied');
  });
}

/** Per-session rules: CSP header on every response, no permissions, no network, no downloads, no spellcheck. */
export function hardenSession(session: Session, options: { devTools: boolean; logger: Logger }): void {
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders ?? {}) }),
  );
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, options);
    if (!allowed)
      options.logger.warn('security.request_blocked', { scheme: details.url.split(':', 1)[0] ?? '' });
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isAllowedPermission(permission, details.requestingUrl ?? contents.getURL())),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, `${requestingOrigin}/`),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('will-download', (event) => event.preventDefault());
  // Chromium's spellchecker would download dictionaries and underline every patient name.
  session.setSpellCheckerEnabled(false);
}
