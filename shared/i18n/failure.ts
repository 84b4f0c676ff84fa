import type { Failure } from '../contract/errors';
import { en } from './en';
import { isMessageKey, translateDynamic, type MessageKey } from './translate';
import type { Language } from './types';

export interface FailureText {
  /** What to tell the user, in their language. */
  message: string;
  /** The core's own words when they could not be translated (they may name versions or files IT needs). */
  detail?: string;
}

/** The core's exact English messages → their catalog keys (`core.*` in en/errors.ts). */
const KNOWN: ReadonlyMap<string, MessageKey> = new Map(
  (Object.keys(en) as MessageKey[]).filter((key) => key.startsWith('core.')).map((key) => [en[key], key]),
);

/**
 * A failure in people's words. A failure carrying a catalog key is translated by it. Field errors are shown beside their fields, so a VALIDATION failure with fields
 * gets the short "please correct" line; a message the catalog knows is translated; otherwise English keeps the
 * core's specific message and other languages get the message for the code, with the core's words as detail.
 */
export function describeFailure(
  lang: Language,
  failure: Pick<Failure, 'code' | 'message' | 'fields' | 'key' | 'params'>,
): FailureText {
  if (failure.code === 'VALIDATION' && failure.fields && failure.fields.length > 0) {
    return { message: translateDynamic(lang, 'code.VALIDATION') };
  }
  // The core said it by key: translate the key (the English words are only for logs and tests).
  if (failure.key !== undefined && isMessageKey(failure.key)) {
    return { message: translateDynamic(lang, failure.key, failure.params) };
  }
  // Older cores and services not yet keyed: their exact English words are matched back to a key.
  const known = KNOWN.get(failure.message);
  if (known) return { message: translateDynamic(lang, known) };
  if (lang === 'en' && failure.message) return { message: failure.message };
  const byCode = translateDynamic(lang, `code.${failure.code}`);
  return failure.message ? { message: byCode, detail: failure.message } : { message: byCode };
}

/** The English text of a `core.*` message, for transports that must build a Failure themselves. */
export function coreMessage(key: Extract<MessageKey, `core.${string}`>): string {
  return en[key];
}
