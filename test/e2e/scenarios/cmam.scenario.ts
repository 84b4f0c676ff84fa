import { expect } from 'vitest';
import { CmamPage } from '../pages/cmam.page';
import { PatientsPage, type ChildValues } from '../pages/patients.page';
import { createStaffAccount, setUpFacility, signInFirstTime } from '../support/facility';
import type { ScenarioContext } from './context';

const NURSE = { username: 'kadiatou', fullName: 'Kadiatou Camara', password: 'millet harvest blue 88' };

const pad = (n: number) => String(n).padStart(2, '0');
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
function monthsAgo(months: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - months);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-01`;
}

/**
 * Issue 17 acceptance: a 14-month-old with MUAC 108 mm is admitted to OTP with its number and ration; three
 * follow-ups by keyboard; MUAC ≥ 125 mm twice → cured proposed and recorded; the dashboard changes. A second
 * child who missed three visits is on the defaulter list and defaulted is proposed.
 */
export async function cmamScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  const app = await launcher.launch({ dataDir });
  try {
    const { page } = app;
    await setUpFacility(page);
    const temporary = await createStaffAccount(page, NURSE);
    await signInFirstTime(page, NURSE, temporary);

    const patients = new PatientsPage(page);
    const cmam = new CmamPage(page);
    const register = async (givenName: string) => {
      await patients.open();
      await patients.startRegistration();
      const child: ChildValues = {
        givenName,
        familyName: 'Kourouma',
        sex: 'female',
        birthDate: monthsAgo(14),
        village: 'Yende',
        caregiverName: 'Saran Kourouma',
        caregiverRelationship: 'mother',
        caregiverPhone: '+224 622 45 67 89',
      };
      await patients.fillChild(child);
      await patients.submitRegistration();
      if (
        await patients
          .confirmDifferentPerson()
          .isVisible()
          .catch(() => false)
      ) {
        await patients.confirmDifferentPerson().check();
        await patients.submitRegistration();
      }
      await patients.chartName().waitFor({ timeout: 30_000 });
    };

    // Admission: the rules propose SAM, OTP, the number and the ration; the nurse confirms.
    await register('Fatou');
    await cmam.startAdmission();
    await cmam.typeDate('admissionDate', daysAgo(21));
    await cmam.field('weightKg').fill('7.2');
    await cmam.field('muacMm').fill('108');
    await cmam.field('appetiteSachetsEaten').fill('0.5');
    await expect.poll(() => cmam.proposal().innerText(), { timeout: 15_000 }).toMatch(/OTP-\d{4}-0001/);
    const proposal = await cmam.proposal().innerText();
    expect(proposal).toContain('SAM');
    expect(proposal).toContain('Placement: OTP');
    expect(proposal).toMatch(/3 sachets a day, 21 a week/);
    await cmam.screenshot(results, 'cmam-01-admission-proposal');
    await cmam.confirmAdmission();
    expect(await cmam.episodeTitle().innerText()).toMatch(/^OTP OTP-\d{4}-0001 — Fatou Kourouma/);

    // Three routine follow-ups by keyboard, weight rising; MUAC ≥ 125 mm on the last two.
    await cmam.followUp({ date: daysAgo(14), weightKg: '7.5', muacMm: '118' }, 0);
    await cmam.followUp({ date: daysAgo(7), weightKg: '7.9', muacMm: '126' }, 1);
    expect(await cmam.proposedExit().count()).toBe(0);
    await cmam.followUp({ date: daysAgo(0), weightKg: '8.3', muacMm: '128' }, 2);
    await cmam.proposedExit().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('cmam-gain').innerText()).toMatch(/7\.2 g\/kg\/day/);
    await cmam.screenshot(results, 'cmam-02-followup-cured-proposed');

    await cmam.openDashboard();
    expect(await page.getByTestId('dash-caseload').innerText()).toBe('OTP 1 · SC 0 · TSFP 0');
    const exitsBefore = Number(await page.getByTestId('dash-exits').innerText());

    // Cured recorded: the child leaves the caseload and the dashboard changes.
    await cmam.openCaseload();
    await page.getByRole('button', { name: /OTP-\d{4}-0001/ }).click();
    await cmam.proposedExit().waitFor({ timeout: 15_000 });
    await cmam.recordProposedExit('Cured');
    await cmam.openDashboard();
    await expect.poll(() => page.getByTestId('dash-caseload').innerText()).toBe('OTP 0 · SC 0 · TSFP 0');
    expect(Number(await page.getByTestId('dash-exits').innerText())).toBe(exitsBefore + 1);
    expect(await page.getByTestId('dash-rate-cured').innerText()).toContain('100 %');
    await cmam.screenshot(results, 'cmam-03-dashboard');

    // A second child admitted four weeks ago never came back: three visits missed.
    await register('Mabinty');
    await cmam.startAdmission();
    await cmam.typeDate('admissionDate', daysAgo(28));
    await cmam.field('weightKg').fill('7.0');
    await cmam.field('muacMm').fill('110');
    await cmam.field('appetiteSachetsEaten').fill('0.5');
    await expect.poll(() => cmam.proposal().innerText(), { timeout: 15_000 }).toMatch(/OTP-\d{4}-0002/);
    await cmam.confirmAdmission();
    await cmam.openDefaulters();
    await expect.poll(() => cmam.defaulterRows().count()).toBe(1);
    const row = await cmam.defaulterRows().first().innerText();
    expect(row).toContain('Mabinty Kourouma');
    expect(row).toContain('Saran Kourouma');
    expect(row).toContain('622 45 67 89');
    expect(row).toContain('3+');
    await cmam.screenshot(results, 'cmam-04-defaulters');
    await page.getByRole('button', { name: /OTP-\d{4}-0002/ }).click();
    await cmam.proposedExit().waitFor({ timeout: 15_000 });
    expect(await cmam.proposedExit().innerText()).toContain('Defaulted');

    // The defaulted exit was wrong (the caregiver came back): corrected by reopening, with a reason kept.
    await cmam.recordProposedExit('Defaulted');
    await cmam.correctExit({ reopen: true, reason: 'Caregiver came back the same day' });
    await cmam.field('weightKg').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('cmam-closed').count()).toBe(0);
    await cmam.screenshot(results, 'cmam-05-exit-corrected');

    // The CMAM settings: a clinician reads the facility's numbers; only a manager changes them.
    await cmam.openSettings();
    await expect.poll(() => cmam.field('defaulterAbsences').inputValue()).toBe('3');
    expect(await cmam.field('orderWeeks').inputValue()).toBe('4');
    expect(await cmam.field('defaulterAbsences').isDisabled()).toBe(true);
    expect(await page.getByTestId('cmam-settings-save').count()).toBe(0);
  } finally {
    await app.close();
  }
}
