import { expect } from 'vitest';
import { PatientsPage } from '../pages/patients.page';
import { RegistryPage } from '../pages/registry.page';
import { ShellPage } from '../pages/shell.page';
import { createStaffAccount, setUpFacility, signInFirstTime } from '../support/facility';
import type { ScenarioContext } from './context';

const MANAGER = { username: 'fanta', fullName: 'Fanta Condé', password: 'rainy season harvest 7' };
const HOSPITAL = 'Hôpital préfectoral de Kissidougou';

/**
 * A manager's day with the registry: the directory (kept by the administrator), a CSV import refused then
 * accepted, a referral and its feedback, merging a duplicate, and errors in French.
 */
export async function registryScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  const app = await launcher.launch({ dataDir });
  try {
    const { page } = app;
    await setUpFacility(page);

    // The administrator keeps the referral directory.
    const registry = new RegistryPage(page);
    await registry.openDirectory();
    await registry.addFacility(HOSPITAL, 'hospital', 'SAM inpatient care, blood transfusion');

    // … and creates a manager.
    const temporary = await createStaffAccount(page, MANAGER, 'Manager');
    await signInFirstTime(page, MANAGER, temporary);

    // A CSV with an error is refused with the row and column; the corrected file imports in one go.
    await registry.openImport();
    const header = 'given_name,family_name,sex,birth_date,phone,village';
    await registry.chooseCsv(
      'register.csv',
      `${header}\nMoussa,Traoré,M,1980-02-30,,Firawa\nHawa,Sylla,F,1992-07-01,0655 00 11 22,Banama\n`,
    );
    await expect.poll(() => registry.importErrors().count()).toBe(1);
    expect(await registry.importErrors().first().innerText()).toMatch(/2\s+birth_date\s+must be a real date/);
    await registry.screenshot(results, 'registry-01-import-errors');
    await registry.chooseCsv(
      'register.csv',
      `${header}\nMoussa,Traoré,M,1980-02-28,,Firawa\nHawa,Sylla,F,1992-07-01,0655 00 11 22,Banama\n`,
    );
    await registry.confirmImport(2);
    await registry.importDone().waitFor({ timeout: 30_000 });
    expect(await registry.importDone().innerText()).toContain('KSD-01-');

    // Refer an imported patient; the referral is open until its feedback is recorded.
    const patients = new PatientsPage(page);
    await patients.open();
    await patients.search('sylla hawa');
    await patients.openFirstResultWithKeyboard();
    await patients.chartName().waitFor();
    await registry.refer(HOSPITAL, 'Severe anaemia, needs transfusion');
    await patients.chartName().waitFor();
    await page.getByTestId('timeline-referral').waitFor();
    await registry.openReferrals();
    await expect.poll(() => registry.openReferralRows().count()).toBe(1);
    await registry.screenshot(results, 'registry-02-open-referrals');
    await registry.recordFeedback('admitted');
    await expect.poll(() => registry.openReferralRows().count()).toBe(0);

    // A duplicate registered anyway is merged by the manager: one record is found afterwards.
    await patients.open();
    await patients.startRegistration();
    await page.locator('input[data-path="givenName"]').fill('Hawa');
    await page.locator('input[data-path="familyName"]').fill('Silla');
    await page.locator('select[data-path="sex"]').selectOption('female');
    await page.locator('input[data-path="birthDate"]').fill('1992-07-01');
    await page.locator('input[data-path="phone"]').fill('655 00 11 22');
    await patients.duplicateWarning().waitFor({ timeout: 15_000 });
    await patients.submitRegistration();
    await patients.confirmDifferentPerson().check();
    await patients.submitRegistration();
    await patients.chartName().waitFor({ timeout: 30_000 });
    await patients.open();
    await patients.search('sylla hawa');
    await patients.openFirstResultWithKeyboard();
    await patients.chartName().waitFor();
    expect(await patients.chartName().innerText()).toBe('Hawa Sylla');
    await registry.mergeDuplicate('silla', 'Same woman registered twice; confirmed by phone');
    await patients.open();
    await patients.search('hawa');
    await expect.poll(() => patients.results().count()).toBe(1);
    await registry.screenshot(results, 'registry-03-after-merge');

    // In French, a patient error speaks French beside its field.
    const shell = new ShellPage(page);
    await shell.switchLanguage('fr');
    patients.speak('fr');
    await patients.startRegistration();
    await page.locator('input[data-path="givenName"]').fill('Binta');
    await page.locator('input[data-path="familyName"]').fill('Diallo');
    await page.locator('select[data-path="sex"]').selectOption('female');
    await page.locator('input[data-path="birthDate"]').fill('2099-01-01');
    await patients.submitRegistration();
    await expect.poll(() => patients.helperFor('birthDate')).toContain('est dans le futur');
    await patients.screenshot(results, 'registry-04-french-error');
  } finally {
    await app.close();
  }
}
