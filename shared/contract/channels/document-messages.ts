/**
 * The core's failure messages for patient documents, word for word. The i18n catalogs translate them by these
 * exact words, so they carry no numbers or names: the specifics travel in the field errors.
 */
export const DOCUMENT_MESSAGES = {
  empty: 'The file is empty. Choose the scanned document or photo again.',
  tooLarge: "The file is larger than this facility's limit for documents. Scan it at a lower resolution.",
  wrongType: 'Only PDF, JPEG and PNG files can be attached. This file is something else.',
  unreadableImage: 'This image could not be read. It may be damaged; scan or photograph it again.',
  notFound: 'This document was not found.',
  voided: 'This document is voided.',
  visitNotOfPatient: 'This visit is not a visit of this patient.',
} as const;
