import { en } from '../i18n/en';
import { AppError, fail, type ErrorCode, type Failure, type FieldError, type MessageParams } from './errors';

/** A key of the English catalog: the one list of what the core can say. */
export type CoreKey = keyof typeof en;

/** The English words of a key, placeholders filled (what logs, tests and the CLI show). */
export function english(key: CoreKey, params?: MessageParams): string {
  const template: string = en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A field error by key: the renderer translates the key, the English words travel beside it. */
export function fieldSaid(path: string, key: CoreKey, params?: MessageParams): FieldError {
  return params ? { path, key, params, message: english(key, params) } : { path, key, message: english(key) };
}

/** A failure by key, for transports that answer without a service (router gates, IPC, HTTP). */
export function failSaid(code: ErrorCode, key: CoreKey, params?: MessageParams): Failure {
  return fail(code, english(key, params), undefined, params ? { key, params } : { key });
}

/** An expected failure thrown by key; the router answers it as a Failure carrying the key. */
export function appErrorSaid(
  code: ErrorCode,
  key: CoreKey,
  params?: MessageParams,
  fields?: FieldError[],
): AppError {
  return new AppError(code, english(key, params), fields, params ? { key, params } : { key });
}
