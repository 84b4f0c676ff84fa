import { adminEn } from './admin';
import { authEn } from './auth';
import { commonEn } from './common';
import { errorsEn } from './errors';
import { homeEn } from './home';
import { lockEn } from './lock';
import { setupEn } from './setup';
import { patientsEn } from './patients';
import { visitsEn } from './visits';
import { referralsEn } from './referrals';
import { pregnancyEn } from './pregnancy';
import { importsEn } from './imports';
import { cmamEn } from './cmam';
import { documentsEn } from './documents';
import { reportsEn } from './reports';
import { syncEn } from './sync';
import { exchangeEn } from './exchange';

/**
 * The English catalog, split by feature so each feature owns its file. To add a feature: create
 * `en/<feature>.ts` and `fr/<feature>.ts`, then add one entry here and in `fr/index.ts`.
 * Keys are prefixed by feature; the i18n test fails if two files claim the same key.
 */
export const enParts = {
  common: commonEn,
  errors: errorsEn,
  setup: setupEn,
  auth: authEn,
  home: homeEn,
  lock: lockEn,
  admin: adminEn,
  patients: patientsEn,
  visits: visitsEn,
  referrals: referralsEn,
  pregnancy: pregnancyEn,
  imports: importsEn,
  cmam: cmamEn,
  documents: documentsEn,
  reports: reportsEn,
  sync: syncEn,
  exchange: exchangeEn,
} as const;

export const en = {
  ...commonEn,
  ...errorsEn,
  ...setupEn,
  ...authEn,
  ...homeEn,
  ...lockEn,
  ...adminEn,
  ...patientsEn,
  ...visitsEn,
  ...referralsEn,
  ...pregnancyEn,
  ...importsEn,
  ...cmamEn,
  ...documentsEn,
  ...reportsEn,
  ...syncEn,
  ...exchangeEn,
} as const;
