import { expect } from 'vitest';
import { LoginPage } from '../pages/login.page';
import { SetupPage } from '../pages/setup.page';
import { ShellPage } from '../pages/shell.page';
import { ADMIN, FACILITY, type ScenarioContext } from './context';

/** French from the app bar: labels, field errors and core failures in French; the choice survives a reload. */
export async function languageScenario({ launcher, dataDir, results }: ScenarioContext): Promise<void> {
  const app = await launcher.launch({ dataDir });
  try {
    const shell = new ShellPage(app.page);
    const setup = new SetupPage(app.page);
    await setup.heading().waitFor();
    await shell.switchLanguage('fr');
    setup.speak('fr');
    await setup.heading().waitFor();

    await setup.submit();
    await expect
      .poll(() => setup.helperFor('facility.name'))
      .toBe('Nom de l’établissement : est obligatoire');
    await setup.fill({ facility: FACILITY, admin: { ...ADMIN, password: 'short' } });
    await setup.submit();
    await expect
      .poll(() => setup.helperFor('admin.password'))
      .toBe('Mot de passe : doit contenir au moins 10 caractères');
    await setup.screenshot(results, '10-setup-french-errors');

    await app.page.reload();
    await setup.heading().waitFor();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('fr');

    await setup.fill({ facility: FACILITY, admin: ADMIN });
    await setup.submit();
    await setup.recoveryHeading().waitFor({ timeout: 30_000 });
    await setup.acknowledgeRecoveryCode();
    await setup.continueButton().click();
    await shell.signOut();

    const login = new LoginPage(app.page, 'fr');
    await login.heading().waitFor();
    await login.signIn(ADMIN.username, 'pas le bon mot de passe');
    await expect.poll(() => login.alert().innerText()).toBe('Nom d’utilisateur ou mot de passe incorrect.');
    await login.screenshot(results, '11-login-french-error');
  } finally {
    await app.close();
  }
}
