import type { en } from '../en';
import type { Translation } from '../types';
import { adminFr } from './admin';
import { authFr } from './auth';
import { commonFr } from './common';
import { errorsFr } from './errors';
import { homeFr } from './home';
import { lockFr } from './lock';
import { setupFr } from './setup';
import { patientsFr } from './patients';
import { visitsFr } from './visits';
import { referralsFr } from './referrals';
import { pregnancyFr } from './pregnancy';
import { documentsFr } from './documents';
import { importsFr } from './imports';
import { cmamFr } from './cmam';
import { reportsFr } from './reports';
import { syncFr } from './sync';
import { exchangeFr } from './exchange';

/** French: every English key, checked by the type (each part is also typed against its English file). */
export const fr: Translation<typeof en> = {
  ...commonFr,
  ...errorsFr,
  ...setupFr,
  ...authFr,
  ...homeFr,
  ...lockFr,
  ...adminFr,
  ...patientsFr,
  ...visitsFr,
  ...referralsFr,
  ...pregnancyFr,
  ...importsFr,
  ...cmamFr,
  ...documentsFr,
  ...reportsFr,
  ...syncFr,
  ...exchangeFr,
};
