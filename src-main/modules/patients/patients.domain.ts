// The patient record itself is a history kind like any other domain's records.
import type { DomainRegistration } from '../../records';

export const patientsDomain: DomainRegistration = { name: 'patients', historyEntities: ['patient'] };
