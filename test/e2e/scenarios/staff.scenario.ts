import { expect } from 'vitest';
import { HomePage } from '../pages/home.page';
import { LoginPage } from '../pages/login.page';
import { ShellPage } from '../pages/shell.page';
import { AccountPage, LockPage, SessionMenuPage, UsersPage } from '../pages/staff.page';
import { setUpFacility } from '../support/facility';
import type { ScenarioContext } from './context';

const CLINICIAN = { username: 'fanta', fullName: 'Fanta Kamara', password: 'mango rain harvest 19' };
const PIN = '2580';

/**
 * Issue 4 acceptance: the admin creates a clinician (temporary password shown once); the clinician signs in,
 * must choose their own password (a weak one is refused with the reason), sets a PIN; the app locks on demand
 * (Ctrl+L); the right PIN unlocks; five wrong PINs end the session and return to the sign-in screen.
 */
export async function staffScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  const app = await launcher.launch({ dataDir });
  try {
    const { page } = app;
    await setUpFacility(page);

    // Admin creates the clinician's account.
    const menu = new SessionMenuPage(page);
    await menu.openStaffAccounts();
    const users = new UsersPage(page);
    await users.heading().waitFor();
    await users.create(CLINICIAN.username, CLINICIAN.fullName);
    const temporary = await users.temporaryPassword();
    expect(temporary).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await users.screenshot(results, 'staff-01-temporary-password');
    await users.closeTemporaryPassword();
    await expect.poll(() => users.row(CLINICIAN.username).innerText()).toContain(CLINICIAN.fullName);
    await new ShellPage(page).signOut();

    // The clinician signs in with the temporary password and must choose their own.
    const login = new LoginPage(page);
    await login.heading().waitFor();
    await login.signIn(CLINICIAN.username, temporary);
    const account = new AccountPage(page);
    await account.forcedHeading().waitFor({ timeout: 30_000 });
    await account.changePassword(temporary, 'fanta kamara 1');
    await expect.poll(() => account.helperFor('newPassword')).toMatch(/too close to your name/);
    await account.screenshot(results, 'staff-02-weak-password-refused');
    await account.changePassword(temporary, CLINICIAN.password);
    await account.heading().waitFor({ timeout: 30_000 });

    // … and sets a PIN.
    await account.setPin(PIN, CLINICIAN.password);
    await expect.poll(() => account.pinState().innerText()).toBe('You have a PIN.');

    // Lock on demand with Ctrl+L; the right PIN unlocks.
    await page.keyboard.press('Control+l');
    const lock = new LockPage(page);
    await lock.heading().waitFor();
    await lock.screenshot(results, 'staff-03-locked');
    await lock.unlockWithPin(PIN);
    await account.heading().waitFor();

    // The Lock button locks too; five wrong PINs end the session: back to the sign-in screen.
    await menu.lockButton().click();
    await lock.heading().waitFor();
    for (let i = 1; i <= 4; i++) {
      await lock.unlockWithPin('1357');
      await expect
        .poll(() => lock.helperFor('pin'))
        .toContain(`${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left`);
    }
    await lock.unlockWithPin('1357');
    await login.heading().waitFor();
    await expect.poll(() => login.notice().innerText()).toContain('Please sign in again');
    await login.screenshot(results, 'staff-04-session-ended');

    // The password (not the PIN) opens it again.
    await login.signIn(CLINICIAN.username, CLINICIAN.password);
    await new HomePage(page).welcome(CLINICIAN.fullName).waitFor({ timeout: 30_000 });
  } finally {
    await app.close();
  }
}
