import type { Locator } from 'playwright-core';
import { BasePage } from './base.page';

export class LoginPage extends BasePage {
  heading(): Locator {
    return this.page.getByRole('heading', { name: this.t('login.title') });
  }

  notice(): Locator {
    return this.page.getByRole('status');
  }

  /** Types both fields and presses Enter in the password field. */
  async signIn(username: string, password: string): Promise<void> {
    await this.field('username').fill(username);
    await this.field('password').fill(password);
    await this.field('password').press('Enter');
  }

  async password(): Promise<string> {
    return this.field('password').inputValue();
  }
}
