import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../db/files';
import { deriveFromPassword, deriveFromRecoveryCode, type Argon2Params } from './kdf';

/**
 * Key slots (LUKS-style, DESIGN.md §4): one random database key, wrapped with AES-256-GCM under each staff
 * password and the recovery code. The file names nobody: users appear only as keyed hashes of their usernames.
 */
export interface WrappedKey {
  iv: string;
  ct: string;
  tag: string;
}
export interface PasswordSlot extends WrappedKey {
  id: string;
  kind: 'password';
  /** HMAC of the username under the vault's salt, to find the slot without storing the name. */
  userTag: string;
  kdf: Argon2Params & { salt: string };
}
export interface RecoverySlot extends WrappedKey {
  id: string;
  kind: 'recovery';
  kdf: { alg: 'hkdf-sha256'; salt: string };
}
export type Slot = PasswordSlot | RecoverySlot;

export interface VaultFile {
  format: 1;
  /** Salt for username tags; random per facility. */
  salt: string;
  slots: Slot[];
}

const AAD_PREFIX = 'caredesk-vault-v1';

function aad(slot: Pick<Slot, 'id' | 'kind'>): Buffer {
  return Buffer.from(`${AAD_PREFIX}|${slot.id}|${slot.kind}`);
}

function wrap(dbKey: Buffer, kek: Buffer, slot: Pick<Slot, 'id' | 'kind'>): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(slot));
  const ct = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns the database key, or null when the key-encryption key is wrong (GCM tag mismatch). */
function unwrap(slot: Slot, kek: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aad(slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function userTag(vault: Pick<VaultFile, 'salt'>, username: string): string {
  return createHmac('sha256', Buffer.from(vault.salt, 'base64')).update(username.normalize('NFKC').toLowerCase()).digest('hex');
}

export function newVault(): VaultFile {
  return { format: 1, salt: randomBytes(32).toString('base64'), slots: [] };
}

export async function makePasswordSlot(
  vault: VaultFile,
  dbKey: Buffer,
  username: string,
  password: string,
  params: Argon2Params,
): Promise<PasswordSlot> {
  const salt = randomBytes(16);
  const kek = await deriveFromPassword(password, salt, params);
  const id = randomUUID();
  return {
    id,
    kind: 'password',
    userTag: userTag(vault, username),
    kdf: { ...params, salt: salt.toString('base64') },
    ...wrap(dbKey, kek, { id, kind: 'password' }),
  };
}

export function makeRecoverySlot(dbKey: Buffer, recoveryCode: string): RecoverySlot {
  const salt = randomBytes(16);
  const id = randomUUID();
  return {
    id,
    kind: 'recovery',
    kdf: { alg: 'hkdf-sha256', salt: salt.toString('base64') },
    ...wrap(dbKey, deriveFromRecoveryCode(recoveryCode, salt), { id, kind: 'recovery' }),
  };
}

/** Replaces the user's password slot (password change/reset): the database itself is never re-encrypted. */
export function withPasswordSlot(vault: VaultFile, slot: PasswordSlot): VaultFile {
  return { ...vault, slots: [...vault.slots.filter((s) => !(s.kind === 'password' && s.userTag === slot.userTag)), slot] };
}

export function withoutUser(vault: VaultFile, username: string): VaultFile {
  const tag = userTag(vault, username);
  return { ...vault, slots: vault.slots.filter((s) => !(s.kind === 'password' && s.userTag === tag)) };
}

export function withRecoverySlot(vault: VaultFile, slot: RecoverySlot): VaultFile {
  return { ...vault, slots: [...vault.slots.filter((s) => s.kind !== 'recovery'), slot] };
}

export function findPasswordSlot(vault: VaultFile, username: string): PasswordSlot | undefined {
  const tag = userTag(vault, username);
  return vault.slots.find((s): s is PasswordSlot => s.kind === 'password' && s.userTag === tag);
}

/** The database key if this username/password opens a slot; null otherwise (same answer for unknown users). */
export async function unlockWithPassword(vault: VaultFile, username: string, password: string): Promise<Buffer | null> {
  const slot = findPasswordSlot(vault, username);
  if (!slot) {
    // Spend the same time as a real attempt so unknown usernames cannot be told apart by timing.
    await deriveFromPassword(password, randomBytes(16), slotParams(vault));
    return null;
  }
  const kek = await deriveFromPassword(password, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  return unwrap(slot, kek);
}

function slotParams(vault: VaultFile): Argon2Params {
  const first = vault.slots.find((s): s is PasswordSlot => s.kind === 'password');
  return first ? { alg: 'argon2id', m: first.kdf.m, t: first.kdf.t, p: first.kdf.p } : { alg: 'argon2id', m: 19_456, t: 2, p: 1 };
}

export function unlockWithRecoveryCode(vault: VaultFile, code: string): Buffer | null {
  const slot = vault.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
  if (!slot) return null;
  return unwrap(slot, deriveFromRecoveryCode(code, Buffer.from(slot.kdf.salt, 'base64')));
}

export class VaultFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultFormatError';
  }
}

export function readVault(file: string): VaultFile {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { format?: unknown }).format !== 1 ||
    !Array.isArray((parsed as { slots?: unknown }).slots)
  ) {
    throw new VaultFormatError('vault.json is not a CareDesk key vault (format 1).');
  }
  return parsed as VaultFile;
}

export function writeVault(file: string, vault: VaultFile): void {
  writeFileAtomic(file, JSON.stringify(vault, null, 2));
}
