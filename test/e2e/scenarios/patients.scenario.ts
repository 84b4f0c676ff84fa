import { expect } from 'vitest';
import { PatientsPage, type ChildValues } from '../pages/patients.page';
import { createStaffAccount, setUpFacility, signInFirstTime } from '../support/facility';
import type { ScenarioContext } from './context';

const NURSE = { username: 'mariama', fullName: 'Mariama Bah', password: 'kola nut river 2026' };

/** A calendar date `years` before today on this computer (the child is about 2 years old). */
function yearsAgo(years: number): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Issue 5 acceptance: register a child; registering the same child again shows the duplicate warning; search
 * finds the child by a partial name in reversed order and by the caregiver's phone; a visit with MUAC 110 mm
 * makes the chart show SAM; the growth chart renders.
 */
export async function patientsScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  const app = await launcher.launch({ dataDir });
  try {
    const { page } = app;
    // The administrator sets up the facility and creates a clinician (administrators see no patient data).
    await setUpFacility(page);
    const temporary = await createStaffAccount(page, NURSE);
    await signInFirstTime(page, NURSE, temporary);

    // Register a child.
    const patients = new PatientsPage(page);
    await patients.open();
    const child: ChildValues = {
      givenName: 'Aminata',
      familyName: 'Kamara',
      sex: 'female',
      birthDate: yearsAgo(2),
      village: 'Heremakono',
      caregiverName: 'Fatoumata Kamara',
      caregiverRelationship: 'mother',
      caregiverPhone: '+224 620 12 34 56',
    };
    await patients.startRegistration();
    await patients.fillChild(child);
    await patients.submitRegistration();
    await patients.chartName().waitFor({ timeout: 30_000 });
    expect(await patients.chartName().innerText()).toBe('Aminata Kamara');
    const number = (await patients.chartNumber().innerText()).trim();
    expect(number).toMatch(/^KSD-01-\d{4}-00001$/);

    // Registering the same child again (another spelling) shows the duplicate warning before saving.
    await patients.open();
    await patients.startRegistration();
    await patients.fillChild({ ...child, givenName: 'Aminatta', caregiverPhone: '0620 12 34 56' });
    await patients.duplicateWarning().waitFor({ timeout: 15_000 });
    expect(await patients.duplicateWarning().innerText()).toContain(number);
    await patients.submitRegistration();
    await patients.confirmDifferentPerson().waitFor();
    await patients.duplicateWarning().scrollIntoViewIfNeeded();
    await patients.screenshot(results, 'patients-01-duplicate-warning');

    // Search: part of each name in reversed order, then the caregiver's phone as written.
    await patients.openDiscarding();
    await patients.search('kamara ami');
    await expect.poll(() => patients.results().count()).toBe(1);
    expect(await patients.results().first().innerText()).toContain(number);
    await patients.screenshot(results, 'patients-02-search');
    await patients.search('620 12 34 56');
    await expect.poll(() => patients.results().count()).toBe(1);
    await patients.openFirstResultWithKeyboard();
    await patients.chartName().waitFor();
    expect(await patients.chartNumber().innerText()).toBe(number);

    // A visit with MUAC 110 mm: SAM while typing, stored, and shown on the chart; the growth chart renders.
    await patients.startVisit();
    await patients.fillMeasurements({ weightKg: '9.1', lengthCm: '81', measured: 'lying', muacMm: '110' });
    await expect.poll(() => patients.liveStatus().getAttribute('data-status')).toBe('SAM');
    await patients.screenshot(results, 'patients-03-visit-live-zscores');
    await patients.saveVisit();
    await patients.nutritionStatus().waitFor({ timeout: 30_000 });
    expect(await patients.nutritionStatus().getAttribute('data-status')).toBe('SAM');
    expect(await patients.nutritionStatus().innerText()).toContain('SAM');
    await expect.poll(() => patients.timelineVisits().count()).toBe(1);
    const wfa = patients.growthChart('wfa');
    await expect.poll(() => wfa.getAttribute('data-rendered')).toBe('true');
    expect(await wfa.getAttribute('data-points')).toBe('1');
    await wfa.scrollIntoViewIfNeeded();
    const box = await wfa.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    await patients.screenshot(results, 'patients-04-chart-sam-growth');
    await patients.showLengthChart('growth.wfh');
    await expect.poll(() => patients.growthChart('wfh').getAttribute('data-rendered')).toBe('true');
    await patients.growthChart('wfh').scrollIntoViewIfNeeded();
    await patients.screenshot(results, 'patients-05-weight-for-height');
  } finally {
    await app.close();
  }
}
