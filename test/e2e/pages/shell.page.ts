import type { Locator } from 'playwright-core';
import { LANGUAGE_NAMES, type Language } from '../../../shared/i18n';
import { BasePage } from './base.page';

/** The app bar: facility, the signed-in user's menu (sign-out inside), language switch. */
export class ShellPage extends BasePage {
  facility(): Locator {
    return this.page.getByTestId('appbar-facility');
  }

  user(): Locator {
    return this.page.getByTestId('appbar-user');
  }

  async switchLanguage(language: Language): Promise<void> {
    await this.page.getByRole('combobox', { name: this.t('app.language') }).click();
    await this.page.getByRole('option', { name: LANGUAGE_NAMES[language] }).click();
    this.speak(language);
  }

  async signOut(): Promise<void> {
    await this.user().click();
    await this.page.getByRole('menuitem', { name: this.t('app.signOut') }).click();
  }
}
