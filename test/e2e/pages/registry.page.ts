import type { Locator } from 'playwright-core';
import { BasePage } from './base.page';

/** Directory, referrals, CSV import and merge (issue 5 §2, §7, §8). */
export class RegistryPage extends BasePage {
  async openDirectory(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('patients.nav.directory'), exact: true }).click();
    await this.page.getByRole('heading', { name: this.t('directory.title') }).waitFor();
  }

  async addFacility(name: string, type: string, services: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('directory.add') }).click();
    await this.field('name').fill(name);
    await this.page.locator('select[data-path="type"]').selectOption(type);
    await this.field('services').fill(services);
    await this.page.getByRole('button', { name: this.t('directory.save') }).click();
    await this.page.getByTestId('directory-row').filter({ hasText: name }).waitFor();
  }

  async openImport(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('patients.nav.import'), exact: true }).click();
    await this.page.getByRole('heading', { name: this.t('imports.title') }).waitFor();
  }

  async chooseCsv(name: string, csv: string): Promise<void> {
    await this.page
      .getByTestId('import-file')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await this.page.getByTestId('import-summary').waitFor();
  }

  importErrors(): Locator {
    return this.page.getByTestId('import-error');
  }

  importSummary(): Locator {
    return this.page.getByTestId('import-summary');
  }

  async confirmImport(n: number): Promise<void> {
    await this.page.getByRole('button', { name: this.t('imports.confirm', { n }) }).click();
  }

  importDone(): Locator {
    return this.page.getByTestId('import-done');
  }

  async refer(facility: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('patients.chart.refer'), exact: true }).click();
    const select = this.page.locator('select[data-path="toFacilityId"]');
    await select.waitFor();
    const value = await select.locator('option', { hasText: facility }).getAttribute('value');
    await select.selectOption(value ?? '');
    await this.page.locator('textarea[data-path="reason"]').fill(reason);
    await this.page.getByRole('button', { name: this.t('referrals.new.submit') }).click();
  }

  async openReferrals(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('patients.nav.referrals'), exact: true }).click();
    await this.page.getByRole('heading', { name: this.t('referrals.list.title') }).waitFor();
  }

  openReferralRows(): Locator {
    return this.page.getByTestId('open-referral');
  }

  async recordFeedback(outcome: string): Promise<void> {
    await this.openReferralRows()
      .first()
      .getByRole('button', { name: this.t('referrals.feedback.open') })
      .click();
    await this.page.locator('select[data-path="outcome"]').selectOption(outcome);
    await this.page.getByRole('button', { name: this.t('referrals.feedback.submit') }).click();
  }

  async mergeDuplicate(searchText: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('patients.merge.open') }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.locator('input[data-path="query"]').pressSequentially(searchText, { delay: 30 });
    await dialog.locator('input[data-path="query"]').press('Enter');
    await dialog.locator('input[data-path="reason"]').fill(reason);
    await dialog.getByRole('button', { name: this.t('patients.merge.submit') }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
