import type { Locator } from 'playwright-core';
import { ADMIN } from '../scenarios/context';
import { BasePage } from './base.page';

/** The app bar's session buttons and the administration menu. */
export class SessionMenuPage extends BasePage {
  async openStaffAccounts(): Promise<void> {
    await this.page.getByTestId('appbar-user').click();
    await this.page.getByRole('menuitem', { name: this.t('admin.users') }).click();
  }

  async openMyAccount(): Promise<void> {
    await this.page.getByTestId('appbar-user').click();
    await this.page.getByRole('menuitem', { name: this.t('account.menu') }).click();
  }

  lockButton(): Locator {
    return this.page.getByRole('button', { name: this.t('lock.lockNow'), exact: true });
  }
}

/** Staff accounts (admin): create an account and read its temporary password, shown once. */
export class UsersPage extends BasePage {
  heading(): Locator {
    return this.page.getByRole('heading', { name: this.t('admin.users'), level: 1 });
  }

  /** Creates the account; when CareDesk asks for the admin's password again (step-up), gives it. */
  async create(username: string, fullName: string, adminPassword = ADMIN.password): Promise<void> {
    await this.field('username').fill(username);
    await this.field('fullName').fill(fullName);
    await this.page.getByRole('button', { name: this.t('users.create') }).click();
    const asked = this.page.getByRole('dialog', { name: this.t('admin.confirmTitle') });
    const shown = this.page.getByTestId('temporary-password');
    await asked.or(shown).first().waitFor();
    if (await asked.isVisible()) {
      await asked.getByLabel(this.t('admin.confirmPassword')).fill(adminPassword);
      await asked.getByRole('button', { name: this.t('admin.confirm') }).click();
    }
  }

  async temporaryPassword(): Promise<string> {
    const shown = this.page.getByTestId('temporary-password');
    await shown.waitFor();
    return (await shown.innerText()).trim();
  }

  async closeTemporaryPassword(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('admin.close') }).click();
  }

  row(username: string): Locator {
    return this.page.locator(`tr[data-username="${username}"]`);
  }
}

/** The forced "choose your own password" screen and My account (password, PIN). */
export class AccountPage extends BasePage {
  forcedHeading(): Locator {
    return this.page.getByRole('heading', { name: this.t('account.forcedTitle') });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { name: this.t('account.title'), level: 1 });
  }

  strength(): Locator {
    return this.page.getByTestId('password-strength');
  }

  async changePassword(current: string, next: string, confirm = next): Promise<void> {
    await this.field('currentPassword').fill(current);
    await this.field('newPassword').fill(next);
    await this.field('confirmPassword').fill(confirm);
    await this.page.getByRole('button', { name: this.t('account.savePassword') }).click();
  }

  async setPin(pin: string, password: string): Promise<void> {
    await this.field('pin').fill(pin);
    await this.field('password').fill(password);
    await this.page.getByRole('button', { name: this.t('account.savePin') }).click();
  }

  pinState(): Locator {
    return this.page.getByTestId('pin-state');
  }
}

/** The lock screen: PIN (or password) of the same user, or switch user. */
export class LockPage extends BasePage {
  heading(): Locator {
    return this.page.getByRole('heading', { name: this.t('lock.title') });
  }

  async unlockWithPin(pin: string): Promise<void> {
    await this.field('pin').fill(pin);
    await this.field('pin').press('Enter');
  }

  async switchUser(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('lock.switchUser') }).click();
  }
}

/** Backups and settings (admin), and the "restore from a backup" panel of the setup and sign-in screens. */
export class BackupsPage extends BasePage {
  async open(): Promise<void> {
    await this.page.getByTestId('appbar-user').click();
    await this.page.getByRole('menuitem', { name: this.t('admin.backups') }).click();
  }

  /** Backs up now and returns the file the screen reports. */
  async backUpNow(): Promise<string> {
    await this.page.getByRole('button', { name: this.t('backups.now') }).click();
    const made = this.page.getByRole('status').filter({ hasText: this.t('backups.made', { file: '' }) });
    await made.waitFor({ timeout: 30_000 });
    return (await made.innerText()).replace(this.t('backups.made', { file: '' }), '').trim();
  }

  async restoreWithoutSignIn(file: string, username: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('backups.offerTitle') }).click();
    await this.field('file').fill(file);
    await this.page.getByLabel(this.t('backups.restoreUser')).fill(username);
    await this.page.getByLabel(this.t('backups.restorePassword')).fill(password);
    await this.page.getByRole('button', { name: this.t('backups.restoreNow') }).click();
  }
}
