import { BrowserWindow, screen } from 'electron';
import type { Logger } from '../core/log';
import { APP_ENTRY_URL } from './app-files';
import { initialWindowSize } from './window-size';

export interface MainWindowOptions {
  preload: string;
  /** Window icon (Linux/Windows taskbar in development; installers carry their own). */
  icon?: string;
  devTools: boolean;
  logger: Logger;
}

/**
 * The one CareDesk window: sandboxed renderer, context isolation, no Node, web security on; it shows our
 * app:// origin only (the CSP and request rules are set per session in hardening.ts).
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const size = initialWindowSize(screen.getPrimaryDisplay().workAreaSize);
  const window = new BrowserWindow({
    width: size.width,
    height: size.height,
    minWidth: size.minWidth,
    minHeight: size.minHeight,
    show: false,
    title: 'CareDesk',
    backgroundColor: '#f4f6f8',
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: options.devTools,
    },
  });
  window.once('ready-to-show', () => {
    if (size.maximize) window.maximize();
    window.show();
  });
  watchRenderer(window, options.logger);
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** A crashed or killed page comes back by itself (a few times), instead of leaving a blank window. */
function watchRenderer(window: BrowserWindow, logger: Logger): void {
  const reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    logger.error('window.renderer_gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const now = Date.now();
    while (reloads.length > 0 && now - reloads[0]! > 60_000) reloads.shift();
    if (reloads.length >= 3) return;
    reloads.push(now);
    window.webContents.reload();
  });
  window.webContents.on('unresponsive', () => logger.warn('window.unresponsive'));
}
