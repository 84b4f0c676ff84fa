import { registryScenario } from './scenarios/registry.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'directory; CSV import refused then accepted; referral and feedback; merge a duplicate; errors in French':
    registryScenario,
});
