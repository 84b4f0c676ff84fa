import { expect } from 'vitest';
import { HomePage } from '../pages/home.page';
import { LoginPage } from '../pages/login.page';
import { SetupPage } from '../pages/setup.page';
import { ShellPage } from '../pages/shell.page';
import { plainTextHits, snapshotFolder } from '../support/files';
import { ADMIN, FACILITY, type ScenarioContext } from './context';

/**
 * Issue 2 acceptance: first-run setup → recovery code acknowledged → home shows the facility; sign out;
 * after a restart a wrong password shows the one error and changes nothing on disk; the right one → home.
 */
export async function firstRunScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  let app = await launcher.launch({ dataDir });
  try {
    const setup = new SetupPage(app.page);
    await setup.heading().waitFor();
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-path')))
      .toBe('facility.name');

    // Empty form: plain-words errors beside the fields, nothing created.
    await setup.submit();
    await expect.poll(() => setup.helperFor('facility.name')).toBe('Facility name is required');
    expect(await setup.isInvalid('admin.password')).toBe(true);
    expect(snapshotFolder(dataDir)).toEqual({});

    // Passwords that differ are caught before anything is sent.
    await setup.fill({ facility: FACILITY, admin: ADMIN, confirmPassword: 'something else entirely' });
    await setup.submit();
    await expect
      .poll(() => setup.helperFor('confirmPassword'))
      .toBe('Confirm password does not match the password');

    await setup.field('confirmPassword').fill(ADMIN.password);
    await setup.submitWithKeyboard();
    await setup.recoveryHeading().waitFor({ timeout: 30_000 });
    expect(await setup.recoveryCode()).toMatch(/^([A-Z0-9]{5}-){5}[A-Z0-9]{5}$/);
    expect(await setup.continueButton().isDisabled()).toBe(true);
    await setup.screenshot(results, '01-recovery-code');
    await setup.acknowledgeRecoveryCode();
    await setup.continueButton().click();

    const home = new HomePage(app.page);
    const shell = new ShellPage(app.page);
    await home.welcome(ADMIN.fullName).waitFor();
    await expect.poll(() => home.facilityName().innerText()).toBe(FACILITY.name);
    await expect.poll(() => shell.facility().innerText()).toBe(FACILITY.name);
    expect(await home.activeStaff().innerText()).toBe('1');
    expect(await home.signInsToday().innerText()).toBe('1');
    await home.screenshot(results, '02-home');

    await shell.signOut();
    const login = new LoginPage(app.page);
    await login.heading().waitFor();
    await expect.poll(() => login.notice().innerText()).toContain('You have signed out.');
  } finally {
    await app.close();
  }

  // Restart: the database is closed, so a wrong password must leave the database and the vault byte for byte
  // as they were. Only the sign-in throttle may note the failure (throttle.json: back-off survives a restart;
  // accounts named by an HMAC tag), to be audited once the database opens.
  app = await launcher.launch({ dataDir });
  try {
    const login = new LoginPage(app.page);
    await login.heading().waitFor();
    const before = withoutThrottle(snapshotFolder(dataDir));
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['vault.json', 'caredesk.db']));

    await login.signIn(ADMIN.username, 'not the right password');
    await expect.poll(() => login.alert().innerText()).toBe('Username or password is incorrect.');
    expect(await login.password()).toBe('');
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-path')))
      .toBe('password');
    await login.screenshot(results, '03-wrong-password');
    expect(withoutThrottle(snapshotFolder(dataDir))).toEqual(before);
    expect(plainTextHits(dataDir, [FACILITY.name, ADMIN.username, ADMIN.fullName, ADMIN.password])).toEqual(
      [],
    );

    await login.signIn(` ${ADMIN.username.toUpperCase()} `, ADMIN.password);
    const home = new HomePage(app.page);
    await home.welcome(ADMIN.fullName).waitFor({ timeout: 30_000 });
    await expect.poll(() => home.facilityName().innerText()).toBe(FACILITY.name);
    await expect.poll(() => home.signInsToday().innerText()).toBe('2');
    await home.screenshot(results, '04-home-after-restart');
  } finally {
    await app.close();
  }
}

function withoutThrottle(snapshot: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot).filter(([name]) => name !== 'throttle.json'));
}
