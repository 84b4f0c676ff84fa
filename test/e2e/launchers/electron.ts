import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { AppLauncher } from '../launcher';
import { REPO_ROOT } from '../support/files';

const MAIN = join(REPO_ROOT, 'out', 'main', 'index.cjs');

/**
 * Where the `electron` package keeps its binary. Resolved by hand: requiring the package would try to
 * download the binary when it is missing, and nothing in `npm test` may need the network.
 */
function electronBinary(): { path: string } | { reason: string } {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  if (!relative && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return {
      reason:
        'the Electron binary is not installed (node_modules/electron has no path.txt; it cannot be downloaded here)',
    };
  }
  const path = join(distDir, relative ?? 'electron');
  return existsSync(path)
    ? { path }
    : { reason: `the Electron binary is not installed (${path} is missing)` };
}

/** The built app (out/main/index.cjs, as `npm start` runs it) under Playwright's Electron launcher, data in CAREDESK_DATA_DIR. */
export const electronLauncher: AppLauncher = {
  name: 'electron',
  required: false,
  async available() {
    const binary = electronBinary();
    if ('reason' in binary) return binary.reason;
    if (!existsSync(MAIN)) return 'out/main/index.cjs is not built (node scripts/build.mjs)';
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      return 'no display to open a window on (run under xvfb-run)';
    }
    return null;
  },
  async launch({ dataDir }) {
    const binary = electronBinary();
    if ('reason' in binary) throw new Error(binary.reason);
    const app = await electron.launch({
      executablePath: binary.path,
      // The app folder, as `npm start` runs it (package.json "main" is out/main/index.cjs). Chromium refuses
      // to start as root with its OS sandbox (CI containers): only then is it turned off.
      args: [REPO_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, CAREDESK_DATA_DIR: dataDir } as Record<string, string>,
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { page, close: () => app.close() };
  },
};
