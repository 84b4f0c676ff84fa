import { staffBackupScenario } from './scenarios/staff-backup.scenario';
import { staffScenario } from './scenarios/staff.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'admin creates a clinician; forced password change; PIN; lock on demand; 5 wrong PINs → sign-in':
    staffScenario,
  'backup now from the screen; restore it on another PC from the setup screen; sign in there':
    staffBackupScenario,
});
