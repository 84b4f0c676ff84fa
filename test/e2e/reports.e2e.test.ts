import { reportsScenario } from './scenarios/reports.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'OTP admission this month → the manager sees C = 1 and F = 1, opens the record behind it, downloads PDF and CSV':
    reportsScenario,
});
