import type { Page } from 'playwright-core';
import { HomePage } from '../pages/home.page';
import { LoginPage } from '../pages/login.page';
import { SetupPage } from '../pages/setup.page';
import { ShellPage } from '../pages/shell.page';
import { AccountPage, SessionMenuPage, UsersPage } from '../pages/staff.page';
import { ADMIN, FACILITY } from '../scenarios/context';

export interface StaffMember {
  username: string;
  fullName: string;
  password: string;
}

/** First-run setup of FACILITY with ADMIN, recovery code acknowledged; ends on the administrator's home. */
export async function setUpFacility(page: Page, options: { seesPatients?: boolean } = {}): Promise<void> {
  const setup = new SetupPage(page);
  await setup.heading().waitFor();
  await setup.fill({ facility: FACILITY, admin: ADMIN, ...options });
  await setup.submit();
  await setup.recoveryHeading().waitFor({ timeout: 30_000 });
  await setup.acknowledgeRecoveryCode();
  await setup.continueButton().click();
  await new HomePage(page).welcome(ADMIN.fullName).waitFor();
}

/** The signed-in administrator creates an account (role: its label in the role list); returns its temporary password. */
export async function createStaffAccount(page: Page, member: StaffMember, role?: string): Promise<string> {
  await new SessionMenuPage(page).openStaffAccounts();
  const users = new UsersPage(page);
  await users.heading().waitFor();
  if (role) {
    const createForm = page.locator('form').filter({ has: page.locator('input[data-path="username"]') });
    await createForm.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: role }).click();
  }
  await users.create(member.username, member.fullName);
  const temporary = await users.temporaryPassword();
  await users.closeTemporaryPassword();
  return temporary;
}

/** Signs out, signs the member in with the temporary password and sets theirs; ends on My account. */
export async function signInFirstTime(page: Page, member: StaffMember, temporary: string): Promise<void> {
  await new ShellPage(page).signOut();
  const login = new LoginPage(page);
  await login.heading().waitFor();
  await login.signIn(member.username, temporary);
  const account = new AccountPage(page);
  await account.forcedHeading().waitFor({ timeout: 30_000 });
  await account.changePassword(temporary, member.password);
  await account.heading().waitFor({ timeout: 30_000 });
}
