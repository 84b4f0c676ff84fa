import type { Locator } from 'playwright-core';
import { BasePage } from './base.page';

export interface ChildValues {
  givenName: string;
  familyName: string;
  sex: 'male' | 'female';
  birthDate: string;
  village: string;
  caregiverName: string;
  caregiverRelationship: string;
  caregiverPhone: string;
}

/** Patient search, registration (with the duplicate warning), chart, growth chart and visit form (issue 5). */
export class PatientsPage extends BasePage {
  async open(): Promise<void> {
    await this.page.getByTestId('nav-patients').click();
    await this.searchHeading().waitFor();
  }

  /** Leaves a form with unsaved changes by the Patients link, confirming the loss. */
  async openDiscarding(): Promise<void> {
    await this.page.getByTestId('nav-patients').click();
    await this.page.getByRole('button', { name: this.t('form.unsaved.leave') }).click();
    await this.searchHeading().waitFor();
  }

  searchHeading(): Locator {
    return this.page.getByRole('heading', { name: this.t('patients.search.title') });
  }

  /** Types into the search box the way a nurse does, key by key. */
  async search(text: string): Promise<void> {
    const box = this.field('query');
    await box.fill('');
    await box.pressSequentially(text, { delay: 30 });
  }

  results(): Locator {
    return this.page.getByTestId('search-result');
  }

  async openFirstResultWithKeyboard(): Promise<void> {
    await this.results().first().waitFor();
    await this.field('query').press('ArrowDown');
    await this.field('query').press('ArrowUp');
    await this.field('query').press('Enter');
  }

  async startRegistration(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('patients.register.open') }).click();
    await this.page.getByRole('heading', { name: this.t('patients.register.title') }).waitFor();
  }

  async fillChild(v: ChildValues): Promise<void> {
    await this.field('givenName').fill(v.givenName);
    await this.field('familyName').fill(v.familyName);
    await this.page.locator('select[data-path="sex"]').selectOption(v.sex);
    await this.field('birthDate').fill(v.birthDate);
    await this.field('village').fill(v.village);
    await this.field('caregiverName').fill(v.caregiverName);
    await this.field('caregiverRelationship').fill(v.caregiverRelationship);
    await this.field('caregiverPhone').fill(v.caregiverPhone);
  }

  async submitRegistration(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('patients.register.submit') }).click();
  }

  duplicateWarning(): Locator {
    return this.page.getByTestId('duplicate-warning');
  }

  confirmDifferentPerson(): Locator {
    return this.page.getByRole('checkbox', { name: this.t('patients.duplicates.confirm') });
  }

  chartName(): Locator {
    return this.page.getByTestId('chart-name');
  }

  chartNumber(): Locator {
    return this.page.getByTestId('chart-number');
  }

  nutritionStatus(): Locator {
    return this.page.getByTestId('chart-nutrition');
  }

  async startVisit(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('patients.chart.newVisit') }).click();
    await this.page.getByRole('heading', { name: new RegExp(this.t('visits.new.title')) }).waitFor();
  }

  async fillMeasurements(m: {
    weightKg: string;
    lengthCm: string;
    measured: 'lying' | 'standing';
    muacMm: string;
  }): Promise<void> {
    await this.field('weightKg').fill(m.weightKg);
    await this.field('lengthCm').fill(m.lengthCm);
    await this.page.locator('select[data-path="measured"]').selectOption(m.measured);
    await this.field('muacMm').fill(m.muacMm);
  }

  liveStatus(): Locator {
    return this.page.getByTestId('live-status');
  }

  async saveVisit(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('visits.new.submit') }).click();
  }

  growthChart(indicator: 'wfa' | 'wfl' | 'wfh'): Locator {
    return this.page.getByTestId(`growth-chart-${indicator}`);
  }

  async showLengthChart(name: 'growth.wfl' | 'growth.wfh'): Promise<void> {
    await this.page.getByRole('tab', { name: this.t(name) }).click();
  }

  timelineVisits(): Locator {
    return this.page.getByTestId('timeline-visit');
  }
}
