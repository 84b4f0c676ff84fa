import sharp from 'sharp';
import { expect } from 'vitest';
import { PatientsPage } from '../pages/patients.page';
import { createStaffAccount, setUpFacility, signInFirstTime } from '../support/facility';
import { windowsProgram } from '../../integration/documents/files';
import type { ScenarioContext } from './context';

const NURSE = { username: 'mariama', fullName: 'Mariama Bah', password: 'kola nut river 2026' };

/**
 * Issue 22: from the chart, a renamed program posing as a PDF is refused with a clear message; a photo is
 * attached, shows as a preview in the chart and opens in the viewer.
 */
export async function documentsScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  const app = await launcher.launch({ dataDir });
  try {
    const { page } = app;
    await setUpFacility(page);
    const temporary = await createStaffAccount(page, NURSE);
    await signInFirstTime(page, NURSE, temporary);

    const patients = new PatientsPage(page);
    await patients.open();
    await patients.startRegistration();
    await patients.fillChild({
      givenName: 'Aïssata',
      familyName: 'Touré',
      sex: 'female',
      birthDate: `${new Date().getFullYear() - 2}-01-15`,
      village: 'Heremakono',
      caregiverName: 'Fanta Touré',
      caregiverRelationship: 'mother',
      caregiverPhone: '+224 620 12 34 56',
    });
    await patients.submitRegistration();
    await patients.chartName().waitFor({ timeout: 30_000 });

    await page.getByTestId('attach-document').click();
    const input = page.getByTestId('document-file');
    await input.setInputFiles({
      name: 'resultat.pdf',
      mimeType: 'application/pdf',
      buffer: windowsProgram(),
    });
    await page.locator('input[data-path="title"]').fill('Résultat de laboratoire');
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    await page.getByTestId('file-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('file-error').innerText()).toContain(
      'Only PDF, JPEG and PNG files can be attached',
    );
    await patients.screenshot(results, 'documents-01-refused');

    const photo = await sharp({
      create: { width: 2400, height: 1600, channels: 3, background: { r: 30, g: 120, b: 200 } },
    })
      .jpeg()
      .toBuffer();
    await input.setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect.poll(() => page.getByTestId('document-item').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('document-item').first().innerText()).toContain('Résultat de laboratoire');
    await patients.screenshot(results, 'documents-02-chart');

    await page.getByTestId('document-item').first().click();
    const image = page.getByTestId('document-image');
    await image.waitFor({ timeout: 30_000 });
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(2000);
    await patients.screenshot(results, 'documents-03-viewer');
  } finally {
    await app.close();
  }
}
