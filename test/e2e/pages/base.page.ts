import type { Locator, Page } from 'playwright-core';
import { createT, type Language, type TFunction } from '../../../shared/i18n';

/**
 * Page objects find things the way people do — by the words on screen, taken from the same catalogs the app
 * uses (so a wording change does not break the suite) — and form fields by their contract path (`data-path`).
 */
export abstract class BasePage {
  protected t: TFunction;

  constructor(
    readonly page: Page,
    protected language: Language = 'en',
  ) {
    this.t = createT(language);
  }

  /** Later lookups use this language's words (after the language switch). */
  speak(language: Language): this {
    this.language = language;
    this.t = createT(language);
    return this;
  }

  field(path: string): Locator {
    return this.page.locator(`input[data-path="${path}"]`);
  }

  /** The message shown under a field (its hint, or its error when the field is invalid). */
  async helperFor(path: string): Promise<string> {
    const describedBy = await this.field(path).getAttribute('aria-describedby');
    if (!describedBy) return '';
    return (await this.page.locator(`[id="${describedBy}"]`).innerText()).trim();
  }

  async isInvalid(path: string): Promise<boolean> {
    return (await this.field(path).getAttribute('aria-invalid')) === 'true';
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  async screenshot(dir: string, name: string): Promise<string> {
    const path = `${dir}/${name}.png`;
    await this.page.screenshot({ path, fullPage: false });
    return path;
  }
}
