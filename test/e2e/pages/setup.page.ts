import type { Locator } from 'playwright-core';
import { BasePage } from './base.page';

export interface SetupValues {
  facility: { name: string; code: string; district: string; country: string };
  admin: { username: string; fullName: string; password: string };
  confirmPassword?: string;
  /** Ticks "I also see patients": the administrator is a clinician too. */
  seesPatients?: boolean;
}

/** First-run setup and the recovery-code panel that follows it. */
export class SetupPage extends BasePage {
  heading(): Locator {
    return this.page.getByRole('heading', { name: this.t('setup.title') });
  }

  async fill(values: SetupValues): Promise<void> {
    await this.field('facility.name').fill(values.facility.name);
    await this.field('facility.code').fill(values.facility.code);
    await this.field('facility.district').fill(values.facility.district);
    await this.field('facility.country').fill(values.facility.country);
    await this.field('admin.username').fill(values.admin.username);
    await this.field('admin.fullName').fill(values.admin.fullName);
    await this.field('admin.password').fill(values.admin.password);
    await this.field('confirmPassword').fill(values.confirmPassword ?? values.admin.password);
    if (values.seesPatients)
      await this.page.getByRole('checkbox', { name: this.t('setup.seesPatients') }).check();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('setup.submit') }).click();
  }

  /** Saves with Ctrl+Enter from the field that has focus, as a keyboard user would (Enter only moves on). */
  async submitWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
  }

  recoveryHeading(): Locator {
    return this.page.getByRole('heading', { name: this.t('recovery.title') });
  }

  async recoveryCode(): Promise<string> {
    const groups = await this.page.getByTestId('recovery-code').locator('span').allInnerTexts();
    return groups.map((g) => g.trim()).join('-');
  }

  continueButton(): Locator {
    return this.page.getByRole('button', { name: this.t('recovery.continue') });
  }

  async acknowledgeRecoveryCode(): Promise<void> {
    await this.page.getByRole('checkbox', { name: this.t('recovery.acknowledge') }).check();
  }
}
