import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { BasePage } from './base.page';

/** The monthly reports screen (issue 19): month, report tabs, clickable numbers, PDF and CSV downloads. */
export class ReportsPage extends BasePage {
  async open(): Promise<void> {
    await this.page.getByTestId('nav-reports').click();
    await this.page.getByRole('heading', { name: this.t('reports.title') }).waitFor();
  }

  async chooseMonth(month: string): Promise<void> {
    await this.page.getByLabel(this.t('reports.month'), { exact: true }).fill(month);
  }

  /** A number of a table, e.g. cell('cmam', 'C', 'total'); only numbers above zero are links. */
  cell(table: string, row: string, column: string): Locator {
    return this.page.getByTestId(`cell-${table}-${row}-${column}`);
  }

  drillRows(): Locator {
    return this.page.getByTestId('drill-row');
  }

  async closeDrillDown(): Promise<void> {
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: this.t('patients.cancel') })
      .click();
    await this.page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  /** Clicks a download button and returns the file's name and bytes. */
  async download(
    button: 'reports.action.pdf' | 'reports.action.csv',
  ): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.page.getByRole('button', { name: this.t(button), exact: true }).click(),
    ]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }
}
