// The domains that contribute to the patient chart, the history channel and merges (see src-main/records/registry.ts).
// Add one line per domain module; the patients module never needs to know them. The order is the chart's order
// for records of the same day.
import { patientsDomain } from '../modules/patients/patients.domain';
import { referralsDomain } from '../modules/referrals/referrals.domain';
import { visitsDomain } from '../modules/visits/visits.domain';
import { pregnancyDomain } from '../modules/pregnancy/register';
import { registerDomain, type DomainRegistration } from '../records';
import { cmamDomain } from '../modules/cmam/register';
import { programmesDomain } from '../modules/programmes/register';
import { documentsDomain } from '../modules/documents/documents.service';

const domains: readonly DomainRegistration[] = [
  patientsDomain,
  visitsDomain,
  referralsDomain,
  programmesDomain,
  cmamDomain,
  pregnancyDomain,
  documentsDomain,
];

for (const domain of domains) registerDomain(domain);
