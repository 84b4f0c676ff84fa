import type { Locator } from 'playwright-core';
import { BasePage } from './base.page';

/** CMAM admission, the fast follow-up screen, exits, the defaulter list and the dashboard (issue 17). */
export class CmamPage extends BasePage {
  async startAdmission(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('cmam.admit.button') }).click();
    await this.page.getByRole('heading', { name: new RegExp(this.t('cmam.admit.title')) }).waitFor();
  }

  /** Types a date the way a keyboard user does in Chromium's date field (month, day, year segments). */
  async typeDate(path: string, iso: string): Promise<void> {
    const box = this.field(path);
    await box.focus();
    const [y, m, d] = iso.split('-');
    await this.page.keyboard.type(`${m}${d}${y}`);
    if ((await box.inputValue()) !== iso) await box.fill(iso);
  }

  proposal(): Locator {
    return this.page.getByTestId('cmam-proposal');
  }

  async confirmAdmission(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('cmam.admit.save') }).click();
    await this.page.getByTestId('cmam-episode-title').waitFor({ timeout: 30_000 });
  }

  episodeTitle(): Locator {
    return this.page.getByTestId('cmam-episode-title');
  }

  /** A routine visit by keyboard only: weight, Tab, MUAC, the visit date, then Ctrl+Enter saves. */
  async followUp(v: { date: string; weightKg: string; muacMm: string }, visitsBefore: number): Promise<void> {
    const weight = this.field('weightKg');
    await weight.waitFor();
    await weight.focus();
    await this.page.keyboard.type(v.weightKg);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(v.muacMm);
    await this.typeDate('visitDate', v.date);
    await this.page.keyboard.press('Control+Enter');
    await this.page
      .locator(`[data-testid="cmam-trend"][data-points="${visitsBefore + 2}"]`)
      .waitFor({ timeout: 30_000 });
  }

  proposedExit(): Locator {
    return this.page.getByTestId('cmam-proposal-exit');
  }

  async recordProposedExit(exitLabel: string): Promise<void> {
    await this.page
      .getByRole('button', { name: this.t('cmam.episode.recordProposed', { exit: exitLabel }) })
      .click();
    await this.page.getByTestId('cmam-closed').waitFor({ timeout: 30_000 });
  }

  async openCaseload(): Promise<void> {
    await this.page.getByTestId('nav-cmam').click();
    await this.page.getByRole('heading', { name: this.t('cmam.caseload.title') }).waitFor();
  }

  async openDashboard(): Promise<void> {
    await this.openCaseload();
    await this.page.getByRole('button', { name: this.t('cmam.caseload.dashboard') }).click();
    await this.page.getByTestId('dash-caseload').waitFor({ timeout: 30_000 });
  }

  async openDefaulters(): Promise<void> {
    await this.openCaseload();
    await this.page.getByRole('button', { name: this.t('cmam.caseload.defaulters') }).click();
    await this.page.getByRole('heading', { name: this.t('cmam.defaulters.title') }).waitFor();
  }

  /** Corrects the exit of a closed episode: reopens it, or another exit type, always with a reason. */
  async correctExit(v: { reopen: boolean; reason: string }): Promise<void> {
    if (v.reopen) await this.page.getByLabel(this.t('cmam.correct.reopen')).check();
    await this.field('reason').fill(v.reason);
    await this.page.getByTestId('cmam-correct-save').click();
  }

  async openSettings(): Promise<void> {
    await this.openCaseload();
    await this.page.getByRole('button', { name: this.t('cmam.caseload.settings') }).click();
    await this.page.getByRole('heading', { name: this.t('cmam.settings.title') }).waitFor();
  }

  defaulterRows(): Locator {
    return this.page.getByTestId('defaulter-row');
  }
}
