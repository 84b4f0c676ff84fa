import type { FieldError } from '../contract/errors';
import type { Language } from './types';
import { isMessageKey, translateDynamic, type MessageKey } from './translate';
import { PATIENT_FIELD_RULES } from './patient-fields';
import { DOCUMENT_FIELD_RULES } from './document-fields';
import { CMAM_FIELD_RULES } from './cmam-fields';

type Rule = [pattern: RegExp, key: MessageKey, params?: (m: RegExpMatchArray) => Record<string, string>];

/**
 * The plain-words field messages the core produces (shared/contract/validation.ts and the contract schemas),
 * matched back to catalog keys so they can be shown in the user's language.
 */
const RULES: readonly Rule[] = [
  [/^is required$/, 'field.required'],
  [/^must be at least (\d+) characters$/, 'field.minChars', (m) => ({ n: m[1]! })],
  [/^must be at most (\d+) characters$/, 'field.maxChars', (m) => ({ n: m[1]! })],
  [/^needs at least (\d+) item\(s\)$/, 'field.minItems', (m) => ({ n: m[1]! })],
  [/^can have at most (\d+) item\(s\)$/, 'field.maxItems', (m) => ({ n: m[1]! })],
  [/^must be at least (-?[\d.]+)$/, 'field.min', (m) => ({ n: m[1]! })],
  [/^must be at most (-?[\d.]+)$/, 'field.max', (m) => ({ n: m[1]! })],
  [/^must be a whole number$/, 'field.wholeNumber'],
  [/^must be a number$/, 'field.number'],
  [/^must be text$/, 'field.text'],
  [/^must be one of: (.*)$/, 'field.oneOf', (m) => ({ values: m[1]! })],
  [/^must be a real date \(YYYY-MM-DD\)$/, 'field.date'],
  [/^has the wrong format \((.*)\)$/, 'field.format', (m) => ({ format: m[1]! })],
  [/^has unexpected field\(s\): (.*)$/, 'field.unexpected', (m) => ({ keys: m[1]! })],
  [/^contains invisible control characters$/, 'field.controlChars'],
  [/^may use only letters a–z, digits, dot, dash and underscore$/, 'field.usernameChars'],
  [/^may use only letters, digits, dot, dash and underscore$/, 'field.codeChars'],
  [/^does not match the password$/, 'field.confirmMismatch'],
  [/^is already taken$/, 'field.taken'],
  [/^must be (a|an) \w+$/, 'field.wrongType'],
  ...PATIENT_FIELD_RULES,
  ...DOCUMENT_FIELD_RULES,
  ...CMAM_FIELD_RULES,
];

/** A field message as the core sends it (key + params + English), or bare English words. */
export type FieldMessage = string | Pick<FieldError, 'message' | 'key' | 'params'>;

/**
 * A core field message in `lang`: by its key when it has one; otherwise its English words matched back to a key
 * (messages the services still write as text); a message we do not know is shown as the core wrote it.
 */
export function translateFieldError(lang: Language, field: FieldMessage): string {
  if (typeof field !== 'string' && field.key !== undefined && isMessageKey(field.key)) {
    return translateDynamic(lang, field.key, field.params);
  }
  const message = typeof field === 'string' ? field : field.message;
  if (lang === 'en') return message;
  for (const [pattern, key, params] of RULES) {
    const match = message.match(pattern);
    if (match) return translateDynamic(lang, key, params?.(match));
  }
  return message;
}
