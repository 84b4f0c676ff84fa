import type { Locator } from 'playwright-core';
import { BasePage } from './base.page';

export class HomePage extends BasePage {
  facilityName(): Locator {
    return this.page.getByTestId('facility-name');
  }

  welcome(fullName: string): Locator {
    return this.page.getByRole('heading', { name: this.t('home.welcome', { name: fullName }) });
  }

  activeStaff(): Locator {
    return this.page.getByTestId('count-active-staff');
  }

  signInsToday(): Locator {
    return this.page.getByTestId('count-sign-ins');
  }
}
