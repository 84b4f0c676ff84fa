// The domains that contribute to the patient chart, the history channel and merges (see src-main/records/registry.ts).
// Add one line per domain module; the patients module never needs to know them.
import { pregnancyDomain } from '../modules/pregnancy/register';
import { registerDomain, type DomainRegistration } from '../records';

const domains: readonly DomainRegistration[] = [pregnancyDomain];

for (const domain of domains) registerDomain(domain);
