import { patientsScenario } from './scenarios/patients.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'register a child; duplicate warning; search by reversed partial name and caregiver phone; MUAC 110 → SAM; growth chart':
    patientsScenario,
});
