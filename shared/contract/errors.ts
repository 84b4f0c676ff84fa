/** Error codes every channel may answer with. Codes are for programs and tests; messages are for people. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'RATE_LIMITED',
  /** A sensitive admin action needs the password re-entered (auth.confirmPassword) within 5 minutes. */
  'REAUTH_REQUIRED',
  'UNKNOWN_CHANNEL',
  'DATABASE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The values a message key's `{name}` placeholders are filled with. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * What a message says, for people in any language: a catalog key (shared/i18n/en) and its placeholder values.
 * The English `message` beside it is for logs, tests and callers without the catalogs.
 */
export interface Said {
  key: string;
  params?: MessageParams;
}

/** One problem with one input field; `path` is dotted (e.g. "admin.password"), message in plain words. */
export interface FieldError extends Partial<Said> {
  path: string;
  message: string;
}

export interface Failure extends Partial<Said> {
  ok: false;
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

export interface Success<T> {
  ok: true;
  value: T;
}

export type Result<T> = Success<T> | Failure;

/**
 * Thrown by services for an expected failure; the router turns it into a Failure.
 * Anything else thrown becomes INTERNAL with a generic message (never a stack trace).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** The message's catalog key and params, when the thrower has one (see shared/contract/messages.ts). */
    readonly said?: Said,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const fail = (code: ErrorCode, message: string, fields?: FieldError[], said?: Said): Failure => ({
  ok: false,
  code,
  message,
  ...(said ? { key: said.key, ...(said.params ? { params: said.params } : {}) } : {}),
  ...(fields && fields.length > 0 ? { fields } : {}),
});
