import { hashRaw } from '@node-rs/argon2';
import { hkdfSync } from 'node:crypto';

export interface Argon2Params {
  alg: 'argon2id';
  /** Memory in KiB. */
  m: number;
  t: number;
  p: number;
}

/**
 * Login key derivation. A stolen PC gives vault.json to guess against offline, so one derivation should take
 * 250 ms–1 s here (DESIGN.md §4); m=256 MiB t=4 measures ≈ 0.35–0.7 s on this 2-core machine (npm run bench).
 */
export const LOGIN_KDF: Argon2Params = { alg: 'argon2id', m: 262_144, t: 4, p: 1 };

/** OWASP floor (m=19 MiB, t=2): only for tests that create many vaults; never the app's default. */
export const FLOOR_KDF: Argon2Params = { alg: 'argon2id', m: 19_456, t: 2, p: 1 };

/**
 * The only parameters a vault or a backup may ask for: argon2id within these bounds. A file naming t = 2^31
 * (or 4 GiB of memory) would otherwise hang a restore and then every sign-in; so it is refused unread.
 */
export const KDF_BOUNDS = { m: [FLOOR_KDF.m, 1_048_576], t: [2, 10], p: [1, 4] } as const;

export function isKnownKdf(value: unknown): value is Argon2Params {
  const k = value as Partial<Argon2Params> | null;
  if (typeof k !== 'object' || k === null || k.alg !== 'argon2id') return false;
  return (['m', 't', 'p'] as const).every((name) => {
    const n = k[name];
    const [low, high] = KDF_BOUNDS[name];
    return typeof n === 'number' && Number.isInteger(n) && n >= low && n <= high;
  });
}

/** `Algorithm.Argon2id` is an ambient const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

export async function deriveFromPassword(
  password: string,
  salt: Buffer,
  params: Argon2Params,
): Promise<Buffer> {
  return hashRaw(password.normalize('NFKC'), {
    algorithm: ARGON2ID,
    memoryCost: params.m,
    timeCost: params.t,
    parallelism: params.p,
    salt,
    outputLen: 32,
  });
}

/** The recovery code already carries ≥ 128 bits of entropy, so a fast KDF is enough (DESIGN.md §4). */
export function deriveFromRecoveryCode(code: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', normalizeRecoveryCode(code), salt, 'caredesk recovery slot', 32));
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789'; // Crockford-like: no I, L, O, U

/** Upper-case, drop spaces and dashes, map look-alikes, so a code typed from paper still works. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1').replace(/U/g, 'V');
}

/** 30 symbols × 5 bits = 150 bits, printed in groups of five. */
export function generateRecoveryCode(random: (n: number) => Buffer): string {
  const bytes = random(30);
  let code = '';
  for (let i = 0; i < 30; i++) code += RECOVERY_ALPHABET[bytes[i]! % 32];
  return code.match(/.{5}/g)!.join('-');
}
