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

/** One problem with one input field; `path` is dotted (e.g. "admin.password"), message in plain words. */
export interface FieldError {
  path: string;
  message: string;
}

export interface Failure {
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
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const fail = (code: ErrorCode, message: string, fields?: FieldError[]): Failure =>
  fields && fields.length > 0 ? { ok: false, code, message, fields } : { ok: false, code, message };
