// Search tolerance (issue 16): spelling variants through the phonetic keys the duplicate check already keeps,
// and phone numbers typed in international form.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { nameTokens, phoneticKey } from './names';

/** Below this many exact hits, a phonetic pass adds the sound-alike patients after them. */
export const FEW_EXACT_HITS = 5;

/**
 * An FTS5 query over the phonetic keys of every typed name ("aisha conde" → as AND knd, which "Aicha Condé"
 * also gives), or null when there are no letters to sound out. Keys are whole terms: a sound-alike must agree
 * on every name typed, in any order.
 */
export function phoneticMatchQuery(typed: string): string | null {
  const tokens = nameTokens(typed).filter((t) => t.length >= 3 && /^[a-z]+$/.test(t));
  if (tokens.length === 0) return null;
  const keys = [...new Set(tokens.map(phoneticKey))];
  return `{sounds} : (${keys.map((k) => `"${k}"`).join(' AND ')})`;
}

/**
 * The national number of a phone typed with its country code ("+224 620 11 22 33", "00224620112233" →
 * "620112233"), so it finds the number however it was written at registration; null otherwise.
 */
export function nationalDigits(typed: string): string | null {
  const t = typed.trim().replace(/^00/, '+');
  if (!t.startsWith('+') || /\p{L}/u.test(t)) return null;
  const parsed = parsePhoneNumberFromString(t);
  return parsed?.nationalNumber && parsed.nationalNumber.length >= 6 ? parsed.nationalNumber : null;
}
