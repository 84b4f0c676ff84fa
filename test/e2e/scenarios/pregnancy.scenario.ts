import { expect } from 'vitest';
import { createT } from '../../../shared/i18n';
import { BasePage } from '../pages/base.page';
import { PatientsPage } from '../pages/patients.page';
import { RegistryPage } from '../pages/registry.page';
import { createStaffAccount, setUpFacility, signInFirstTime } from '../support/facility';
import type { ScenarioContext } from './context';

const MIDWIFE = { username: 'kadiatou', fullName: 'Kadiatou Camara', password: 'mango hill dawn 2026' };
const t = createT('en');
const HOSPITAL = 'Hôpital Préfectoral de Kissidougou';

/** A calendar date `days` from today on this computer (negative: in the past). */
function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The pregnancy screens, found by their words (en catalog). */
class PregnancyPage extends BasePage {
  select(path: string) {
    return this.page.locator(`select[data-path="${path}"]`);
  }
  button(name: string) {
    return this.page.getByRole('button', { name });
  }
}

/**
 * Issue 18 acceptance: a midwife registers a pregnancy (LMP 10 weeks ago → EDD and 10w 0d), records a contact
 * with BP 150/95 twice (hypertension), a danger sign (urgent referral created); she is due before the date
 * booked and missed after the grace; a live birth closes the pregnancy and the baby is a patient linked to her.
 */
export async function pregnancyScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  const app = await launcher.launch({ dataDir });
  try {
    const { page } = app;
    await setUpFacility(page);
    const registry = new RegistryPage(page);
    await registry.openDirectory();
    await registry.addFacility(HOSPITAL, 'hospital', 'Emergency obstetric care');
    const temporary = await createStaffAccount(page, MIDWIFE);
    await signInFirstTime(page, MIDWIFE, temporary);

    // Register the mother (an adult woman) and open her chart.
    const patients = new PatientsPage(page);
    await patients.open();
    await patients.startRegistration();
    await patients.field('givenName').fill('Fanta');
    await patients.field('familyName').fill('Condé');
    await page.locator('select[data-path="sex"]').selectOption('female');
    await patients.field('birthDate').fill(daysFromToday(-26 * 365));
    await patients.field('village').fill('Banama');
    await patients.field('phone').fill('+224 621 11 22 33');
    await patients.submitRegistration();
    await patients.chartName().waitFor({ timeout: 30_000 });
    const motherChart = page.url();

    // Register the pregnancy from the chart: EDD and 10w 0d show as she types.
    const preg = new PregnancyPage(page);
    await page.getByTestId('chart-register-pregnancy').click();
    await preg.field('lmp').fill(daysFromToday(-70));
    await expect.poll(() => page.getByText('10w 0d').count()).toBeGreaterThan(0);
    await preg.button(t('pregnancy.register.submit')).click();
    const dating = page.getByTestId('pregnancy-dating');
    await dating.waitFor({ timeout: 30_000 });
    expect(await dating.innerText()).toContain('10w 0d');
    expect(await dating.innerText()).toMatch(/EDD \S/);

    // A contact with BP 150/95 on both readings → hypertension; a danger sign → the urgent-referral banner.
    await preg.field('bpFirst').fill('150/95');
    await preg.field('bpRepeat').fill('150/95');
    await expect.poll(() => page.getByTestId('live-flags').innerText()).toContain('Hypertension');
    await preg.select('dangerSigns').selectOption('vaginal-bleeding');
    await page.getByTestId('urgent-banner').waitFor();
    await preg.field('nextContactDate').fill(daysFromToday(1));
    await preg.button(t('pregnancy.contact.submit')).click();
    await preg
      .select('toFacilityId')
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await preg.screenshot(results, 'pregnancy-00-contact-not-saved');
        throw e;
      });
    await preg.select('toFacilityId').selectOption({ label: HOSPITAL });
    await preg.button(t('pregnancy.banner.refer')).click();
    await page.getByText('Referral created.').waitFor({ timeout: 30_000 });
    await page.getByTestId('urgent-banner').scrollIntoViewIfNeeded();
    await preg.screenshot(results, 'pregnancy-01-contact-flags-referral');
    const pregnancyUrl = page.url();
    // The pregnancy chart draws the contact's BP (systolic and diastolic) against gestational weeks.
    await page.locator('select[data-path="chartMeasure"]').selectOption('bp');
    const chart = page.getByTestId('pregnancy-chart');
    await expect.poll(() => chart.getAttribute('data-points'), { timeout: 30_000 }).toBe('2');
    expect(await chart.getAttribute('data-rendered')).toBe('true');
    expect(await chart.getAttribute('aria-label')).toContain('10 → 150');

    // The date she booked (tomorrow) wins over the plan's 20 weeks: due this week; missed once the 14-day
    // grace after it has passed (the lists as on that day), and then no longer due.
    await page.getByTestId('nav-anc').click();
    const due = page.getByTestId('list-due');
    const missed = page.getByTestId('list-missed');
    await expect.poll(() => due.innerText(), { timeout: 30_000 }).toContain('Fanta Condé');
    expect(await due.innerText()).toContain('621 11 22 33');
    expect(await missed.innerText()).not.toContain('Fanta Condé');
    await preg.field('on').fill(daysFromToday(1 + 14));
    await expect.poll(() => due.innerText(), { timeout: 30_000 }).toContain('Fanta Condé');
    expect(await missed.innerText()).not.toContain('Fanta Condé');
    await preg.field('on').fill(daysFromToday(1 + 15));
    await expect.poll(() => missed.innerText(), { timeout: 30_000 }).toContain('Fanta Condé');
    expect(await missed.innerText()).toContain('Banama');
    await expect.poll(() => due.innerText()).not.toContain('Fanta Condé');
    await preg.screenshot(results, 'pregnancy-02-missed-list');
    // Delivery of a live baby closes the pregnancy; the baby is a patient whose chart names the mother.
    await page.goto(pregnancyUrl);
    // The birth plan, with the emergency facility from the directory.
    await preg.field('plan.place').fill('Centre de santé de Banama');
    await preg.field('plan.transport').fill('Moto du frère');
    await preg.select('plan.emergencyFacilityId').selectOption({ label: HOSPITAL });
    await preg.button(t('pregnancy.birthPlan.submit')).click();
    await page.getByTestId('birth-plan-saved').waitFor({ timeout: 30_000 });
    await page.reload();
    await expect
      .poll(() => preg.field('plan.transport').inputValue(), { timeout: 30_000 })
      .toBe('Moto du frère');
    await preg.field('weight1').fill('3.1');
    await preg.button(t('pregnancy.delivery.submit')).click();
    const closed = page.getByTestId('pregnancy-closed');
    await closed.waitFor({ timeout: 30_000 });
    expect(await closed.innerText()).toContain('Delivery');
    // A postnatal contact of the mother within 24 hours (contact 1).
    await preg.field('bp').fill('118/76');
    await preg.select('breastfeeding').selectOption('exclusive');
    await preg.button(t('pregnancy.postnatal.submit')).click();
    const postnatal = page.getByTestId('postnatal-contacts');
    await expect.poll(() => postnatal.innerText(), { timeout: 30_000 }).toContain('118/76');
    expect(await postnatal.innerText()).toContain('1. ');
    await preg.screenshot(results, 'pregnancy-03-postnatal');
    await closed.getByRole('link').first().click();
    await patients.chartName().waitFor({ timeout: 30_000 });
    expect(page.url()).not.toBe(motherChart);
    await expect.poll(() => page.locator('body').innerText()).toContain('Fanta Condé');
  } finally {
    await app.close();
  }
}
