import { usabilityScenario } from './scenarios/usability.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'administrator who sees patients registers one; Enter moves on and never saves; a visit draft survives Ctrl+L and the PIN; leaving unsaved asks':
    usabilityScenario,
});
