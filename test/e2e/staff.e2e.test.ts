import { staffScenario } from './scenarios/staff.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'admin creates a clinician; forced password change; PIN; lock on demand; 5 wrong PINs → sign-in':
    staffScenario,
});
