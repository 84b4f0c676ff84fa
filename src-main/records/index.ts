// The record kernel: the one write path of every domain (row + history + outbox + audit in one transaction),
// registration points for domains, human-number counters, and prepared-statement helpers.
export * from './records';
export * from './sql';
export * from './numbers';
export { actorOf } from './actor';
export { moveRecords, type PatientMove } from './move';
export {
  registerDomain,
  registeredDomains,
  historyEntities,
  type ChartContribution,
  type DomainRegistration,
  type MergeParticipant,
  type PatientCorrection,
} from './registry';
