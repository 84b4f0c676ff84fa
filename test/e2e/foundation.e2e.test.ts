import { firstRunScenario } from './scenarios/first-run.scenario';
import { languageScenario } from './scenarios/language.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'first-run setup → recovery code → home; sign out; wrong password changes nothing; right password → home':
    firstRunScenario,
  'French: labels, field errors and core failures; the choice survives a reload': languageScenario,
});
