// The region phone numbers are read in: the facility's country.
import type { CountryCode } from 'libphonenumber-js';
import { phoneRegion } from '../../../shared/phones';
import type { Sqlite } from '../../db/open';
import { stmt } from '../../records';

export function facilityPhoneRegion(sqlite: Sqlite): CountryCode | undefined {
  const row = stmt(sqlite, 'SELECT country FROM facility WHERE id = 1').get() as
    { country: string } | undefined;
  return phoneRegion(row?.country ?? '');
}
