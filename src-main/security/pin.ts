import { hash, verify } from '@node-rs/argon2';

/** Wrong PINs allowed on one locked session; the next one ends it (password needed). */
export const PIN_MAX_FAILURES = 5;

/** `Algorithm.Argon2id` is an ambient const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

/** Why a PIN is refused, in plain words; null when acceptable. */
export function pinProblem(pin: string): string | null {
  if (!/^\d{4,6}$/.test(pin)) return 'must be 4 to 6 digits';
  if (/^(\d)\1+$/.test(pin)) return 'is too easy to guess (one digit repeated)';
  const ascending = '01234567890';
  const descending = '09876543210';
  if (ascending.includes(pin) || descending.includes(pin))
    return 'is too easy to guess (a straight run of digits)';
  return null;
}

/**
 * A PIN is only a second factor of an already-open session (five tries, then the password), so a
 * moderate argon2id cost is enough; the PHC string carries its own salt and parameters.
 */
export async function hashPin(pin: string): Promise<string> {
  return hash(pin, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function pinMatches(pinHash: string, pin: string): Promise<boolean> {
  try {
    return await verify(pinHash, pin);
  } catch {
    return false;
  }
}
