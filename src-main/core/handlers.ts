import './domains';
import { authHandlers } from '../modules/auth/auth.handlers';
import { auditHandlers } from '../modules/audit/audit.handlers';
import { backupHandlers } from '../modules/backup/backup.handlers';
import { settingsHandlers } from '../modules/settings/settings.handlers';
import { usersHandlers } from '../modules/users/users.handlers';
import { facilityHandlers } from '../modules/facility/facility.handlers';
import { setupHandlers } from '../modules/setup/setup.handlers';
import { directoryHandlers } from '../modules/directory/directory.handlers';
import { documentHandlers } from '../modules/documents/documents.handlers';
import { importHandlers } from '../modules/imports/imports.handlers';
import { patientHandlers } from '../modules/patients/patients.handlers';
import { referralHandlers } from '../modules/referrals/referrals.handlers';
import { reportHandlers } from '../modules/reports/reports.handlers';
import { visitHandlers } from '../modules/visits/visits.handlers';
import { programmeHandlers } from '../modules/programmes/programmes.handlers';
import { cmamHandlers } from '../modules/cmam/cmam.handlers';
import { pregnancyHandlers } from '../modules/pregnancy/pregnancy.handlers';
import { exchangeHandlers } from '../modules/exchange/exchange.handlers';
import { syncHandlers } from '../modules/sync/sync.handlers';
import type { Handlers } from './handler';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** Merges module slices into one map; two modules claiming one channel is a bug caught at start. */
export function mergeHandlers<T extends readonly object[]>(...slices: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const slice of slices) {
    for (const [name, handler] of Object.entries(slice)) {
      if (name in merged) throw new Error(`two handlers claim channel ${name}`);
      merged[name] = handler;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

// `satisfies` turns a channel without a handler into a type error; the contract test checks the reverse.
export const handlers = mergeHandlers(
  setupHandlers,
  authHandlers,
  facilityHandlers,
  usersHandlers,
  auditHandlers,
  settingsHandlers,
  backupHandlers,
  patientHandlers,
  visitHandlers,
  referralHandlers,
  directoryHandlers,
  importHandlers,
  programmeHandlers,
  cmamHandlers,
  pregnancyHandlers,
  documentHandlers,
  reportHandlers,
  exchangeHandlers,
  syncHandlers,
) satisfies Handlers;
