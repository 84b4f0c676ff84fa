import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CmamPage } from '../pages/cmam.page';
import { PatientsPage } from '../pages/patients.page';
import { ReportsPage } from '../pages/reports.page';
import { createStaffAccount, setUpFacility, signInFirstTime } from '../support/facility';
import { ADMIN, FACILITY, type ScenarioContext } from './context';

const NURSE = { username: 'kadiatou', fullName: 'Kadiatou Camara', password: 'millet harvest blue 88' };
const MANAGER = { username: 'mariam', fullName: 'Mariam Touré', password: 'cassava market dawn 61' };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Issue 19: a nurse admits a child to OTP this month; the manager chooses the month, sees the admission in the
 * A–F table (C = 1, F = 1), opens the record behind the number (sex in words), and downloads the PDF (facility
 * and month in its text) and the CSV (byte-order mark, the same tallies).
 */
export async function reportsScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  const app = await launcher.launch({ dataDir });
  try {
    const { page } = app;
    const now = new Date();
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const month = today.slice(0, 7);
    const birth = new Date(now.getFullYear(), now.getMonth() - 14, 1);
    await setUpFacility(page);
    const managerTemporary = await createStaffAccount(page, MANAGER, 'Manager');
    const temporary = await createStaffAccount(page, NURSE);
    await signInFirstTime(page, NURSE, temporary);

    const patients = new PatientsPage(page);
    await patients.open();
    await patients.startRegistration();
    await patients.fillChild({
      givenName: 'Fatoumata',
      familyName: 'Kourouma',
      sex: 'female',
      birthDate: `${birth.getFullYear()}-${pad(birth.getMonth() + 1)}-01`,
      village: 'Yende',
      caregiverName: 'Saran Kourouma',
      caregiverRelationship: 'mother',
      caregiverPhone: '+224 622 45 67 89',
    });
    await patients.submitRegistration();
    await patients.chartName().waitFor({ timeout: 30_000 });
    const cmam = new CmamPage(page);
    await cmam.startAdmission();
    await cmam.typeDate('admissionDate', today);
    await cmam.field('weightKg').fill('7.2');
    await cmam.field('muacMm').fill('108');
    await cmam.field('appetiteSachetsEaten').fill('0.5');
    await expect.poll(() => cmam.proposal().innerText(), { timeout: 15_000 }).toMatch(/OTP-\d{4}-0001/);
    await cmam.confirmAdmission();

    await signInFirstTime(page, MANAGER, managerTemporary);
    const reports = new ReportsPage(page);
    await reports.open();
    await reports.chooseMonth(month);
    await expect.poll(() => reports.cell('cmam', 'C', 'total').innerText(), { timeout: 30_000 }).toBe('1');
    expect(await reports.cell('cmam', 'F', 'total').innerText()).toBe('1');
    await reports.screenshot(results, 'reports-01-cmam-month');

    await reports.cell('cmam', 'C', 'total').click();
    await expect.poll(() => reports.drillRows().count(), { timeout: 15_000 }).toBe(1);
    const row = await reports.drillRows().first().innerText();
    expect(row).toContain('Fatoumata Kourouma');
    expect(row).toContain('Female');
    await reports.screenshot(results, 'reports-02-drill-down');
    await reports.closeDrillDown();

    const csv = await reports.download('reports.action.csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').split(/\r?\n/);
    expect(lines.find((l) => l.startsWith('F. '))?.split(',')[1]).toBe('1');
    expect(lines.find((l) => l.startsWith('C. '))?.split(',')[1]).toBe('1');

    const pdf = await reports.download('reports.action.pdf');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(results, 'reports-03.pdf');
    writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(FACILITY.name);
    expect(text).toContain(FACILITY.code);
    const monthName = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(now);
    expect(text).toContain(monthName);
    expect(text).toContain(MANAGER.fullName);
    expect(text).not.toContain(ADMIN.fullName);
  } finally {
    await app.close();
  }
}
