import { cmamScenario } from './scenarios/cmam.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'MUAC 108 → OTP admission with number and ration; three keyboard follow-ups; cured proposed and recorded; dashboard changes; defaulter after three missed visits':
    cmamScenario,
});
