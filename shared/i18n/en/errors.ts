/**
 * Failures from the core, in people's words.
 * - `code.*`: one message per error code, used when the core's own message has no translation.
 * - `core.*`: the core's exact English messages (keep them identical to the core's text): matching one
 *   gives its translation; test/unit/i18n-core.test.ts checks them against a real core.
 * - `field.*`: the plain-words field messages of shared/contract/validation.ts and the contract schemas.
 */
export const errorsEn = {
  'code.VALIDATION': 'Please correct the highlighted fields.',
  'code.UNAUTHENTICATED': 'Please sign in first.',
  'code.FORBIDDEN': 'Your role does not allow this.',
  'code.NOT_FOUND': 'That record was not found.',
  'code.CONFLICT': 'This conflicts with what is already saved.',
  'code.LOCKED': 'CareDesk is locked. Please sign in.',
  'code.RATE_LIMITED': 'Too many attempts. Please wait a moment and try again.',
  'code.REAUTH_REQUIRED': 'Please enter your password again to confirm this action.',
  'code.UNKNOWN_CHANNEL': 'This request is not part of CareDesk.',
  'code.DATABASE': 'The database could not be used. Nothing was saved.',
  'code.INTERNAL': 'Something went wrong inside CareDesk. Nothing was saved. Please try again.',
  'error.details': 'Details: {detail}',

  'core.badCredentials': 'Username or password is incorrect.',
  'core.signInFirst': 'Please sign in first.',
  'core.forbidden': 'Your role does not allow this.',
  'core.unknownChannel': 'This request is not part of CareDesk.',
  'core.locked': 'The database is locked. Please sign in.',
  'core.notSetUp': 'CareDesk is not set up on this computer yet.',
  'core.alreadySetUp': 'This computer already has a CareDesk facility set up. Sign in instead.',
  'core.deactivated': 'This account is deactivated. Ask your administrator.',
  'core.diskFailed':
    'The computer could not save to its disk (it may be full or failing). Nothing was saved.',
  'core.internal': 'Something went wrong inside CareDesk. Nothing was saved. Please try again.',
  'core.unreadable': 'The database could not be opened: the key is wrong or the file is damaged.',
  'core.facilityMissing': 'The facility record is missing from the database.',
  'core.unreachable':
    'CareDesk cannot reach its database service. Check that CareDesk is still running, then try again.',
  'core.ipcUnreachable': 'CareDesk could not reach its data service. Please try again.',
  'core.badReply': 'CareDesk received an answer it could not read. Nothing was changed. Please try again.',
  'core.mustChangePassword': 'Please change your temporary password first.',
  'core.usernameTaken': 'Someone already has that username. Choose another one.',
  'field.taken': 'is already taken',
  'core.sessionLocked': 'CareDesk is locked. Unlock it with your PIN or password.',
  'core.reauth': 'Please enter your password again to confirm this change.',
  'core.tooManyUnlocks':
    'Too many wrong attempts: the session was closed. Please sign in with your password.',
  'core.badRecovery': 'The recovery code or the admin username is not correct.',
  'core.selfDeactivate': 'You cannot deactivate your own account.',
  'core.workingDatabase':
    'This computer already has a working CareDesk database. Sign in as an administrator to restore over it.',
  'core.badToken':
    'The browser test host does not recognise this tab. Open the link printed by npm run dev:web.',

  'field.required': 'is required',
  'field.minChars': 'must be at least {n} characters',
  'field.maxChars': 'must be at most {n} characters',
  'field.minItems': 'needs at least {n} item(s)',
  'field.maxItems': 'can have at most {n} item(s)',
  'field.min': 'must be at least {n}',
  'field.max': 'must be at most {n}',
  'field.wholeNumber': 'must be a whole number',
  'field.number': 'must be a number',
  'field.text': 'must be text',
  'field.wrongType': 'has the wrong type',
  'field.oneOf': 'must be one of: {values}',
  'field.date': 'must be a real date (YYYY-MM-DD)',
  'field.format': 'has the wrong format ({format})',
  'field.unexpected': 'has unexpected field(s): {keys}',
  'field.controlChars': 'contains invisible control characters',
  'field.usernameChars': 'may use only letters a–z, digits, dot, dash and underscore',
  'field.codeChars': 'may use only letters, digits, dot, dash and underscore',
  'field.confirmMismatch': 'does not match the password',
} as const;
