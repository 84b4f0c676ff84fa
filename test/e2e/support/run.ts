import { afterEach, describe, it } from 'vitest';
import type { AppLauncher } from '../launcher';
import { chromiumLauncher } from '../launchers/chromium';
import { electronLauncher } from '../launchers/electron';
import type { ScenarioContext } from '../scenarios/context';
import { resultsDir, tempDataDir } from './files';

export type Scenario = (ctx: ScenarioContext) => Promise<void>;

const launchers: AppLauncher[] = [chromiumLauncher, electronLauncher];

/**
 * Registers each scenario once per launcher, each run on a fresh data folder. Call with top-level await from
 * a `*.e2e.test.ts`: availability is decided before tests are registered, so an optional launcher that cannot
 * run here is not registered at all and says why; the required one (Chromium) fails instead of skipping.
 */
export async function runOnLaunchers(scenarios: Record<string, Scenario>): Promise<void> {
  const availability = await Promise.all(launchers.map(async (l) => [l, await l.available()] as const));
  for (const [launcher, reason] of availability) {
    if (reason && !launcher.required) {
      console.log(`[e2e] ${launcher.name}: not run — ${reason}`);
      continue;
    }
    describe(`E2E (${launcher.name})`, () => {
      let cleanup: (() => void) | null = null;
      afterEach(() => {
        cleanup?.();
        cleanup = null;
      });
      for (const [title, scenario] of Object.entries(scenarios)) {
        it(title, async () => {
          if (reason) throw new Error(`${launcher.name} is required but cannot run: ${reason}`);
          const { dataDir, remove } = tempDataDir();
          cleanup = remove;
          await scenario({ launcher, dataDir, results: resultsDir(launcher.name) });
        });
      }
    });
  }
}
