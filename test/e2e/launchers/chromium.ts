import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { silentLogger } from '../../../src-main/core/log';
import { FLOOR_KDF } from '../../../src-main/security/kdf';
import { startHttpHost } from '../../host/http-host';
import { VIEWPORT, type AppLauncher } from '../launcher';
import { REPO_ROOT } from '../support/files';

export const CHROMIUM_PATH = process.env.CAREDESK_CHROMIUM ?? '/usr/bin/chromium';
const STATIC_DIR = join(REPO_ROOT, 'out', 'renderer-web');

/**
 * Debian Chromium (no browser download) against the browser test host: the web build of the renderer, the
 * real core and a real encrypted database in the given folder.
 */
export const chromiumLauncher: AppLauncher = {
  name: 'chromium',
  required: true,
  async available() {
    if (!existsSync(CHROMIUM_PATH)) return `${CHROMIUM_PATH} is missing (apt-get install -y chromium)`;
    if (!existsSync(join(STATIC_DIR, 'index.html')))
      return 'out/renderer-web is not built (npx vite build --mode web)';
    return null;
  },
  async launch({ dataDir }) {
    // FLOOR_KDF keeps each E2E sign-in fast (≈20 ms instead of ≈0.5 s); the app's LOGIN_KDF is measured by
    // `npm run bench` and used by dev:web and the real app. Everything else is the real core.
    const host = await startHttpHost({
      dataDir,
      staticDir: STATIC_DIR,
      kdf: FLOOR_KDF,
      logger: silentLogger,
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
    try {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(host.url);
      return {
        page,
        async close() {
          await browser.close();
          await host.close();
        },
      };
    } catch (error) {
      await browser.close();
      await host.close();
      throw error;
    }
  },
};
