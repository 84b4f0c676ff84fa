import type { AppLauncher } from '../launcher';

export interface ScenarioContext {
  launcher: AppLauncher;
  /** A fresh, empty data folder for this scenario. */
  dataDir: string;
  /** Where screenshots go: test-results/e2e/<launcher>/. */
  results: string;
}

export const FACILITY = {
  name: 'Centre de Santé de Kissidougou',
  code: 'KSD-01',
  district: 'Kissidougou',
  country: 'Guinea',
};
export const ADMIN = { username: 'amina', fullName: 'Amina Diallo', password: 'river stone morning 42' };
