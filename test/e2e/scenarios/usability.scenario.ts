import { expect } from 'vitest';
import { PatientsPage, type ChildValues } from '../pages/patients.page';
import { ShellPage } from '../pages/shell.page';
import { AccountPage, LockPage, SessionMenuPage } from '../pages/staff.page';
import { createT } from '../../../shared/i18n';
import { setUpFacility } from '../support/facility';
import { ADMIN, type ScenarioContext } from './context';

const PIN = '2468';
const CHILD: ChildValues = {
  givenName: 'Aicha',
  familyName: 'Condé',
  sex: 'female',
  birthDate: '2024-03-01',
  village: 'Banankoro',
  caregiverName: 'Mariam Condé',
  caregiverRelationship: 'mother',
  caregiverPhone: '620112233',
};

const focusedPath = (patients: PatientsPage) =>
  patients.page.evaluate(() => document.activeElement?.getAttribute('data-path') ?? null);

/**
 * Issue 16: setup where the administrator also sees patients registers a patient with no second account; Enter in Weight moves to the next field and saves nothing; a visit draft survives Ctrl+L and PIN
 * unlock; leaving a form with changes asks first.
 */
export async function usabilityScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  const app = await launcher.launch({ dataDir });
  try {
    const { page } = app;
    await setUpFacility(page, { seesPatients: true });
    await new SessionMenuPage(page).openMyAccount();
    const account = new AccountPage(page);
    await account.heading().waitFor();
    await account.setPin(PIN, ADMIN.password);
    await expect.poll(() => account.pinState().innerText()).toBe('You have a PIN.');

    const patients = new PatientsPage(page);
    await patients.open();
    await patients.startRegistration();
    await patients.fillChild(CHILD);
    // Enter in a field of the registration form moves on; nothing is registered.
    await patients.field('givenName').press('Enter');
    expect(await focusedPath(patients)).toBe('familyName');
    await patients.submitRegistration();
    await patients.chartName().waitFor({ timeout: 30_000 });

    // Search tolerates spelling variants and the international form of a phone number.
    await patients.open();
    await patients.search('aisha conde');
    await expect.poll(() => patients.results().count()).toBe(1);
    expect(await patients.results().first().innerText()).toContain('Aicha Condé');
    await patients.search('+224 620 11 22 33');
    await expect.poll(() => patients.results().count()).toBe(1);
    await patients.openFirstResultWithKeyboard();
    await patients.chartName().waitFor();

    // Enter in Weight moves to the next field and saves nothing.
    await patients.startVisit();
    expect(await page.getByTestId('save-hint').innerText()).toBe(
      'Enter moves to the next field · Ctrl+Enter saves',
    );
    await patients.field('weightKg').fill('9.4');
    await patients.field('weightKg').press('Enter');
    expect(await focusedPath(patients)).toBe('lengthCm');
    await page.keyboard.type('80');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.getByRole('heading', { name: /New visit/ }).count()).toBe(1);
    await page.locator('textarea[data-path="complaints"]').fill('cough for three days');

    // Ctrl+L then the PIN: the visit comes back as typed.
    await page.keyboard.press('Control+l');
    const lock = new LockPage(page);
    await lock.heading().waitFor();
    await lock.unlockWithPin(PIN);
    await page.getByRole('heading', { name: /New visit/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => patients.field('weightKg').inputValue()).toBe('9.4');
    expect(await patients.field('lengthCm').inputValue()).toBe('80');
    expect(await page.locator('textarea[data-path="complaints"]').inputValue()).toBe('cough for three days');
    await patients.screenshot(results, 'usability-01-draft-after-unlock');

    // Leaving by the menu asks first; "Keep editing" keeps the form.
    await new SessionMenuPage(page).openMyAccount();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    expect(await patients.field('weightKg').inputValue()).toBe('9.4');

    // Ctrl+Enter saves.
    await patients.field('weightKg').press('Control+Enter');
    await patients.timelineVisits().first().waitFor({ timeout: 30_000 });
    await expect.poll(() => patients.timelineVisits().count()).toBe(1);

    // In French the void dialog's two buttons say different things (it had "Annuler" twice).
    await patients.timelineVisits().first().click();
    await new ShellPage(page).switchLanguage('fr');
    const fr = createT('fr');
    await page.getByRole('button', { name: fr('visits.void.open') }).click();
    const voidDialog = page.getByRole('dialog');
    await voidDialog.waitFor();
    const labels = (await voidDialog.getByRole('button').allInnerTexts()).map((l) => l.trim());
    expect(labels).toHaveLength(2);
    expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(2);
    await patients.screenshot(results, 'usability-02-void-dialog-fr');
  } finally {
    await app.close();
  }
}
