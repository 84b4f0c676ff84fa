import { afterEach, describe, it } from 'vitest';
import type { AppLauncher } from './launcher';
import { chromiumLauncher } from './launchers/chromium';
import { electronLauncher } from './launchers/electron';
import type { ScenarioContext } from './scenarios/context';
import { firstRunScenario } from './scenarios/first-run.scenario';
import { languageScenario } from './scenarios/language.scenario';
import { resultsDir, tempDataDir } from './support/files';

const scenarios: Record<string, (ctx: ScenarioContext) => Promise<void>> = {
  'first-run setup → recovery code → home; sign out; wrong password changes nothing; right password → home':
    firstRunScenario,
  'French: labels, field errors and core failures; the choice survives a reload': languageScenario,
};

const launchers: AppLauncher[] = [chromiumLauncher, electronLauncher];

// Decided before registering tests: an optional launcher that cannot run here is not registered at all,
// and says why; the required one fails loudly instead of being skipped.
const availability = await Promise.all(
  launchers.map(async (launcher) => [launcher, await launcher.available()] as const),
);

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
