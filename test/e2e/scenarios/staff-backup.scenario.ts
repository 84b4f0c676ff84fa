import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { HomePage } from '../pages/home.page';
import { LoginPage } from '../pages/login.page';
import { SetupPage } from '../pages/setup.page';
import { BackupsPage } from '../pages/staff.page';
import { setUpFacility } from '../support/facility';
import { tempDataDir } from '../support/files';
import { ADMIN, FACILITY, type ScenarioContext } from './context';

/**
 * Issue 4: the admin backs up from the screen (one .cdbk file); on another PC (an empty data folder) the setup
 * screen's "Restore from a backup" brings the facility back with the admin's password; sign-in works there.
 */
export async function staffBackupScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  let file: string;
  let app = await launcher.launch({ dataDir });
  try {
    await setUpFacility(app.page);
    const backups = new BackupsPage(app.page);
    await backups.open();
    file = await backups.backUpNow();
    expect(file).toMatch(/\.cdbk$/);
    expect(existsSync(file)).toBe(true);
    await backups.screenshot(results, 'staff-05-backup-made');
  } finally {
    await app.close();
  }

  const other = tempDataDir();
  try {
    app = await launcher.launch({ dataDir: other.dataDir });
    const setup = new SetupPage(app.page);
    await setup.heading().waitFor();
    const backups = new BackupsPage(app.page);
    await backups.restoreWithoutSignIn(file, ADMIN.username, ADMIN.password);
    const login = new LoginPage(app.page);
    await login.heading().waitFor({ timeout: 30_000 });
    await login.signIn(ADMIN.username, ADMIN.password);
    const home = new HomePage(app.page);
    await home.welcome(ADMIN.fullName).waitFor({ timeout: 30_000 });
    await expect.poll(() => home.facilityName().innerText()).toBe(FACILITY.name);
    await home.screenshot(results, 'staff-06-restored-on-another-pc');
  } finally {
    await app.close();
    other.remove();
  }
}
