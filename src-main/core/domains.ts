// The domains that contribute to the patient chart, the history channel and merges (see src-main/records/registry.ts).
// Add one line per domain module; the patients module never needs to know them.
import { registerDomain, type DomainRegistration } from '../records';
import { cmamDomain } from '../modules/cmam/register';
import { programmesDomain } from '../modules/programmes/register';

const domains: readonly DomainRegistration[] = [programmesDomain, cmamDomain];

for (const domain of domains) registerDomain(domain);
