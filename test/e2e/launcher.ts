import type { Page } from 'playwright-core';

/** A running CareDesk: its first window, and how to quit it (the data folder stays). */
export interface LaunchedApp {
  page: Page;
  close(): Promise<void>;
}

/**
 * One way to run the app for E2E. Scenarios are written once against this and the page objects, and run
 * under every launcher that is available here.
 */
export interface AppLauncher {
  name: string;
  /** The required launcher fails the suite when unavailable; others are skipped with their reason printed. */
  required: boolean;
  /** null when it can run here, otherwise the reason it cannot. */
  available(): Promise<string | null>;
  launch(opts: { dataDir: string }): Promise<LaunchedApp>;
}

/** The screen size CareDesk must stay readable at (a common clinic laptop). */
export const VIEWPORT = { width: 1366, height: 768 } as const;
