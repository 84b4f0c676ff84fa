// CareDesk clinical engine: pure functions over WHO growth standards, CMAM rules and ANC rules (CLINICAL.md).
export * from './errors';
export * from './dates';
export * from './types';
export { WHO_ATTRIBUTION, lmsTable, INDICATORS } from './growth/tables';
export type { Indicator, LmsTable } from './growth/tables';
export { lmsZ, lmsValue, restrictedZ, round2 } from './growth/lms';
export * from './growth/indicators';
export * from './growth/anthropometry';
export * from './nutrition/classify';
export * from './nutrition/placement';
export * from './nutrition/followup';
export * from './nutrition/episodes';
export * from './pregnancy/dating';
export * from './pregnancy/schedule';
export * from './pregnancy/flags';
export * from './pregnancy/care';
export * from './protocols/profiles';
