// Phone numbers: stored in E.164 with the facility's country ("620 11 22 33" in Guinea →
// "+224620112233"), shown in the national format when they are of that country, international otherwise.
import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

let byName: Map<string, CountryCode> | null = null;

/** Country names in English and French (from Intl) and ISO codes → region code. */
function names(): Map<string, CountryCode> {
  if (byName) return byName;
  byName = new Map();
  const displays = ['en', 'fr'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));
  for (const code of getCountries()) {
    byName.set(plain(code), code);
    for (const d of displays) {
      const name = d.of(code);
      if (name) byName.set(plain(name), code);
    }
  }
  return byName;
}

/** The region of the facility's country as written in its settings ("Guinea", "Guinée", "GN"), if known. */
export function phoneRegion(country: string): CountryCode | undefined {
  const key = plain(country);
  return key ? names().get(key) : undefined;
}

/**
 * The number in E.164 when it reads as a possible number of the region (or has its own country code);
 * otherwise as typed, trimmed (a number the library cannot place is kept rather than lost).
 */
export function toE164(typed: string, region: CountryCode | undefined): string {
  const t = typed.trim().replace(/^00/, '+');
  if (t === '') return '';
  const parsed = parsePhoneNumberFromString(t, region);
  return parsed?.isPossible() ? parsed.number : typed.trim();
}

/** A stored number for people: national format in the facility's country, international elsewhere. */
export function phoneText(stored: string, region: CountryCode | undefined): string {
  if (!stored.startsWith('+')) return stored;
  const parsed = parsePhoneNumberFromString(stored);
  if (!parsed) return stored;
  return parsed.country !== undefined && parsed.country === region
    ? parsed.formatNational()
    : parsed.formatInternational();
}
