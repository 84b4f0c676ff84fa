import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { startCoreHost, type CoreHost } from './core/host';
import { stderrLogger } from './core/log';
import { hardenApp, hardenSession } from './app/hardening';
import { installMenu } from './app/menu';
import { dataDirOverride as dataDirFromEnv } from './app/data-dir';
import { electronNativeBinding } from './app/native-binding';
import { registerAppScheme, serveAppFiles } from './app/protocol';
import { createMainWindow } from './app/windows';
import { bindContract, type IpcBinding } from './ipc/bind';

/**
 * Electron main (DESIGN.md §1): thin. It owns the window, the hardening and the IPC relay; the core runs in a
 * worker thread. Bundled to out/main/index.cjs, so the app root is two folders up (app.asar when packaged).
 */
const appRoot = join(__dirname, '..', '..');
const logger = stderrLogger;
const devTools = !app.isPackaged;

// E2E (Playwright's Electron launcher) points the app at a throwaway data folder; the Chromium profile goes
// beside it so a test run never shares the single-instance lock or storage with a real installation.
// The packaged app ignores it (see data-dir.ts).
const dataDirOverride = dataDirFromEnv(process.env, app.isPackaged);
if (dataDirOverride) app.setPath('userData', `${dataDirOverride}.profile`);

registerAppScheme();
hardenApp(logger);

if (!app.requestSingleInstanceLock()) {
  // CareDesk is already open: the first instance brings its window forward (see 'second-instance').
  app.quit();
} else {
  void start().catch((error: unknown) => {
    logger.error('app.start_failed', { name: error instanceof Error ? error.name : typeof error });
    failToStart(
      'CareDesk could not start. Please restart the computer; if it happens again, call IT support.',
    );
  });
}

async function start(): Promise<void> {
  let window: BrowserWindow | null = null;
  let host: CoreHost | null = null;
  let binding: IpcBinding | null = null;
  let closed = false;

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Close the database before exiting (WAL with synchronous=FULL is safe anyway if power is cut).
  app.on('will-quit', (event) => {
    if (closed || !host) return;
    event.preventDefault();
    const closing = host;
    host = null;
    void closing
      .close()
      .catch(() => logger.error('app.core_close_failed'))
      .finally(() => {
        closed = true;
        binding?.dispose();
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId('org.caredesk.app');
  hardenSession(session.defaultSession, { devTools, logger });
  serveAppFiles(session.defaultSession, join(appRoot, 'out', 'renderer'));
  installMenu(devTools);

  const nativeBinding = electronNativeBinding(
    appRoot,
    process.versions.electron,
    process.platform,
    process.arch,
  );
  if (!existsSync(nativeBinding)) {
    return failToStart(
      app.isPackaged
        ? 'CareDesk’s database engine is missing from this installation. Please reinstall CareDesk.'
        : 'The Electron build of the database engine is missing: start CareDesk with `npm start`, which prepares it.',
    );
  }
  const dataDir = dataDirOverride ?? join(app.getPath('userData'), 'data');
  host = startCoreHost(
    { dataDir, appVersion: app.getVersion(), nativeBinding },
    join(__dirname, 'core-worker.cjs'),
    {
      logger,
    },
  );
  try {
    await host.ready;
  } catch (error) {
    return failToStart(error instanceof Error ? error.message : String(error));
  }

  binding = bindContract(host, logger);
  window = createMainWindow({
    preload: join(__dirname, 'preload.cjs'),
    icon: join(appRoot, 'resources', 'icon.png'),
    devTools,
    logger,
  });
  binding.attach(window.webContents);
  window.on('closed', () => (window = null));
}

/** One clear sentence for the person at the desk, then quit (no stack traces, no half-started window). */
function failToStart(message: string): void {
  dialog.showErrorBox('CareDesk cannot start', message);
  app.exit(1);
}
