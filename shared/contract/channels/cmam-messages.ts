/**
 * The core's failure messages for programmes and CMAM, word for word; the catalogs translate them by these exact
 * words (`core.cmam.*`), so they carry no names or numbers: the specifics travel in the field errors.
 */
export const CMAM_MESSAGES = {
  programmeNotFound: 'This programme was not found.',
  programmeInactive: 'This programme is no longer active.',
  programmeCodeTaken: 'Another programme already has this code.',
  programmeBuiltIn: 'The OTP, SC and TSFP programmes cannot be deactivated.',
  programmeIsCmam: 'Children enter OTP, SC and TSFP through the CMAM admission, not a plain enrolment.',
  confirmCount: 'The number of open enrolments has changed. Check the new number and confirm again.',
  alreadyEnrolled: 'This patient is already enrolled in this programme.',
  enrolmentNotFound: 'This enrolment was not found.',
  enrolmentClosed: 'This enrolment is already closed.',
  episodeNotFound: 'This CMAM episode was not found.',
  episodeOpenElsewhere:
    'This child already has an open episode in this programme. Follow her there or close it first.',
  episodeClosed: 'This episode is closed: record a new admission instead.',
  episodeVoided: 'This episode is voided and cannot be changed.',
  notEligible: 'This child does not meet the admission criteria of this programme.',
  notMoveable: 'This move is not one of the internal moves (OTP to SC, SC to OTP, OTP to TSFP).',
  followupNotFound: 'This follow-up visit was not found.',
  stockNotFound: 'This stock movement was not found.',
  dispensedNotVoidable: 'Sachets dispensed at a visit are voided with that visit.',
  mergeTwoOpen: 'Both records have an open episode in the same programme. Close one of them before merging.',
} as const;
