/**
 * The core's failure messages for patients, visits, referrals, the directory and imports, word for word. The
 * services throw these; the i18n catalogs translate them by these exact words (so they carry no numbers or
 * names: the specifics travel in the field errors).
 */
export const PATIENT_MESSAGES = {
  correctOwnOnly: 'Only the person who entered this record or a manager can correct it.',
  correctWindowPassed: 'This record was entered more than 24 hours ago; only a manager can correct it now.',
  staleVersion:
    'This record was changed by someone else since you opened it. Reload it and make your change again.',
  patientNotFound: 'This patient was not found.',
  patientMerged: 'This record was merged into another one. Open the record it was merged into.',
  patientVoidedNoEntries: 'This patient record was voided and cannot take new entries.',
  patientVoided: 'This patient record is voided and cannot be changed.',
  likelyDuplicate:
    'This may be a patient who is already registered. Open the existing record, or confirm that this is a different person.',
  voidHasRecords:
    'This patient has visits or referrals. Void those first, or ask a manager to merge this record into the right patient.',
  mergeAlreadyMerged: 'One of the two records was already merged into another record.',
  mergeVoided: 'One of the two records is voided and cannot be merged.',
  visitNotFound: 'This visit was not found.',
  visitVoided: 'This visit is voided and cannot be changed.',
  referralNotFound: 'This referral was not found.',
  referralVoided: 'This referral is voided and cannot be changed.',
  facilityNotInDirectory: 'This facility is not in the directory.',
  importNotPreviewed: 'This is not the file that was previewed. Preview it again before importing.',
  importHasErrors: 'The file has errors, so nothing was imported. Correct them and preview again.',
  importDuplicatesUndecided:
    'Some rows look like patients already registered. Choose to import them anyway or to skip them.',
} as const;
