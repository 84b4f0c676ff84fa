// The domains that contribute to the patient chart, the history channel and merges (see src-main/records/registry.ts).
// Add one line per domain module; the patients module never needs to know them.
import { registerDomain, type DomainRegistration } from '../records';
import { documentsDomain } from '../modules/documents/documents.service';

const domains: readonly DomainRegistration[] = [documentsDomain];

for (const domain of domains) registerDomain(domain);
