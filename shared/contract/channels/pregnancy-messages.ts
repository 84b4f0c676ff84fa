/**
 * The core's failure messages for pregnancy tracking, word for word (the i18n catalogs translate them by these
 * exact words, so they carry no numbers or names: the specifics travel in the field errors).
 */
export const PREGNANCY_MESSAGES = {
  notFemale: 'A pregnancy can only be registered for a female patient.',
  ageOutOfRange: 'A pregnancy can only be registered for a woman aged 10 to 55.',
  alreadyActive: 'This woman already has an active pregnancy. Close it before registering a new one.',
  notFound: 'This pregnancy was not found.',
  closed: 'This pregnancy is closed and cannot take new antenatal entries.',
  voided: 'This pregnancy is voided and cannot be changed.',
  notDelivered: 'Postnatal contacts are recorded after a delivery.',
  contactNotFound: 'This contact was not found.',
  contactVoided: 'This contact is voided and cannot be changed.',
  iptpNotNow: 'IPTp-SP cannot be given at this contact.',
  noDangerSigns: 'This contact has no danger sign to refer for.',
  alreadyReferred: 'This contact already has a referral.',
  mergeTwoActive:
    'Both records have an active pregnancy. Close or void one of them before merging the two records.',
  invalidDates: 'Some dates do not fit this pregnancy.',
} as const;
