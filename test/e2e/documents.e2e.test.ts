import { documentsScenario } from './scenarios/documents.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'attach from the chart: a renamed program refused; a photo previewed and opened (downscaled to 2000 px)':
    documentsScenario,
});
