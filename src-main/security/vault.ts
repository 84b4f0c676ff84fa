import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../db/files';
import { deriveFromPassword, deriveFromRecoveryCode, isKnownKdf, type Argon2Params } from './kdf';
import { isSealed, newKeyPair, openSealed, sealTo, type SealedKey } from './keypair';

/**
 * Key slots (LUKS-style, DESIGN.md §4), in two levels:
 *   slot (staff password or recovery code) ──wraps──▶ vault master key ──wraps──▶ database key.
 * A password change re-wraps one slot; a database re-key re-wraps one blob, so every staff member keeps
 * their password although nobody knows the others' passwords. All wrapping is AES-256-GCM, so a wrong
 * secret is told apart from a damaged vault: we never make a new key because unwrapping failed.
 * The file names nobody: users appear only as keyed hashes (HMAC) of their usernames.
 */
export interface WrappedKey {
  iv: string;
  ct: string;
  tag: string;
}
/**
 * A key-pair slot (security/keypair.ts): `publicKey` in clear, iv/ct/tag wrap its PRIVATE key, and `sealed`
 * is the master key sealed to the public key, so the master key can be rotated without anyone's password.
 * A slot without `publicKey` (made before key pairs) wraps the master key directly; it is upgraded at the
 * next sign-in and cannot follow a master-key rotation.
 */
interface KeyPairFields {
  publicKey?: string;
  sealed?: SealedKey;
}
export interface PasswordSlot extends WrappedKey, KeyPairFields {
  id: string;
  kind: 'password';
  /** HMAC of the username under the vault's salt, to find the slot without storing the name. */
  userTag: string;
  kdf: Argon2Params & { salt: string };
}
export interface RecoverySlot extends WrappedKey, KeyPairFields {
  id: string;
  kind: 'recovery';
  kdf: { alg: 'hkdf-sha256'; salt: string };
}
export type Slot = PasswordSlot | RecoverySlot;

export interface VaultFile {
  format: 2;
  /** Salt for username tags; random per facility. */
  salt: string;
  /** The database key, wrapped under the master key; `id` changes on every re-key. */
  database: WrappedKey & { id: string };
  /** During a re-key only: the new database key, written before `PRAGMA rekey` so a crash loses nothing. */
  pendingDatabase?: WrappedKey & { id: string };
  /** Each slot wraps the master key. */
  slots: Slot[];
}

const AAD_PREFIX = 'caredesk-vault-v2';

function aad(kind: string, id: string): Buffer {
  return Buffer.from(`${AAD_PREFIX}|${id}|${kind}`);
}

function seal(secret: Buffer, kek: Buffer, ad: Buffer): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(ad);
  const ct = Buffer.concat([cipher.update(secret), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The secret, or null when the key-encryption key is wrong or the blob was changed (GCM tag mismatch). */
function open(blob: WrappedKey, kek: Buffer, ad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(blob.iv, 'base64'));
    decipher.setAAD(ad);
    decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(blob.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function userTag(vault: Pick<VaultFile, 'salt'>, username: string): string {
  return createHmac('sha256', Buffer.from(vault.salt, 'base64'))
    .update(username.normalize('NFKC').toLowerCase())
    .digest('hex');
}

/** A new vault: random master key and database key; slots are added by the caller. */
export function createVault(): { vault: VaultFile; masterKey: Buffer; databaseKey: Buffer } {
  const masterKey = randomBytes(32);
  const databaseKey = randomBytes(32);
  const vault: VaultFile = {
    format: 2,
    salt: randomBytes(32).toString('base64'),
    database: sealDatabase(masterKey, databaseKey),
    slots: [],
  };
  return { vault, masterKey, databaseKey };
}

/** A vault rebuilt around a new master key (master-key rotation): the given slots only. */
export function createVaultWith(
  salt: string,
  masterKey: Buffer,
  databaseKey: Buffer,
  slots: Slot[],
): VaultFile {
  return { format: 2, salt, database: sealDatabase(masterKey, databaseKey), slots };
}

function sealDatabase(masterKey: Buffer, databaseKey: Buffer): VaultFile['database'] {
  const id = randomUUID();
  return { id, ...seal(databaseKey, masterKey, aad('database', id)) };
}

/** Re-key, committed: the new database key replaces the old one under the (possibly new) master key. */
export function withDatabaseKey(vault: VaultFile, masterKey: Buffer, databaseKey: Buffer): VaultFile {
  const { pendingDatabase: _done, ...rest } = vault;
  return { ...rest, database: sealDatabase(masterKey, databaseKey) };
}

/** Re-key, step one: remember the new key beside the old one before the database changes. */
export function withPendingDatabaseKey(vault: VaultFile, masterKey: Buffer, databaseKey: Buffer): VaultFile {
  return { ...vault, pendingDatabase: sealDatabase(masterKey, databaseKey) };
}

export function withoutPendingDatabaseKey(vault: VaultFile): VaultFile {
  const { pendingDatabase: _dropped, ...rest } = vault;
  return rest;
}

export function pendingDatabaseKeyOf(vault: VaultFile, masterKey: Buffer): Buffer | null {
  if (!vault.pendingDatabase) return null;
  const key = open(vault.pendingDatabase, masterKey, aad('database', vault.pendingDatabase.id));
  if (!key || key.length !== 32) throw new VaultDamagedError();
  return key;
}

/** The vault opened by a slot but its database blob does not: the file was damaged or tampered with. */
export class VaultDamagedError extends Error {
  constructor(message = 'The key vault (vault.json) is damaged: its database key does not open.') {
    super(message);
    this.name = 'VaultDamagedError';
  }
}

export function databaseKeyOf(vault: VaultFile, masterKey: Buffer): Buffer {
  const key = open(vault.database, masterKey, aad('database', vault.database.id));
  if (!key || key.length !== 32) throw new VaultDamagedError();
  return key;
}

export async function makePasswordSlot(
  vault: Pick<VaultFile, 'salt'>,
  masterKey: Buffer,
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
    ...keyPairFor(masterKey, kek, 'password', id),
  };
}

/** A fresh key pair: private key wrapped under `kek`, the master key sealed to the public key. */
function keyPairFor(
  masterKey: Buffer,
  kek: Buffer,
  kind: Slot['kind'],
  id: string,
): WrappedKey & KeyPairFields {
  const pair = newKeyPair();
  const wrapped = seal(pair.privateKey, kek, aad(`${kind}-key`, id));
  pair.privateKey.fill(0);
  return { ...wrapped, publicKey: pair.publicKey, sealed: sealTo(pair.publicKey, masterKey, id) };
}

/** The master key held by a slot, given its key-encryption key; null when the kek is wrong. */
function masterFromSlot(slot: Slot, kek: Buffer): Buffer | null {
  if (!slot.publicKey || !slot.sealed) return open(slot, kek, aad(slot.kind, slot.id));
  const privateKey = open(slot, kek, aad(`${slot.kind}-key`, slot.id));
  if (!privateKey) return null;
  try {
    return openSealed(privateKey, slot.publicKey, slot.sealed, slot.id);
  } finally {
    privateKey.fill(0);
  }
}

/**
 * Master-key rotation without anyone's password: every key-pair slot that `keep` accepts gets the NEW master
 * key sealed to its public key; the database key is sealed under the new master. Slots made before key pairs
 * cannot follow and are returned in `dropped` (those accounts need a password reset).
 */
export function resealedVault(
  vault: VaultFile,
  masterKey: Buffer,
  databaseKey: Buffer,
  keep: (slot: Slot) => boolean,
): { vault: VaultFile; dropped: Slot[] } {
  const slots: Slot[] = [];
  const dropped: Slot[] = [];
  for (const slot of vault.slots) {
    if (!keep(slot)) continue;
    if (!slot.publicKey) {
      dropped.push(slot);
      continue;
    }
    slots.push({ ...slot, sealed: sealTo(slot.publicKey, masterKey, slot.id) });
  }
  return { vault: createVaultWith(vault.salt, masterKey, databaseKey, slots), dropped };
}

export function makeRecoverySlot(masterKey: Buffer, recoveryCode: string): RecoverySlot {
  const salt = randomBytes(16);
  const id = randomUUID();
  return {
    id,
    kind: 'recovery',
    kdf: { alg: 'hkdf-sha256', salt: salt.toString('base64') },
    ...keyPairFor(masterKey, deriveFromRecoveryCode(recoveryCode, salt), 'recovery', id),
  };
}

/** Replaces the user's password slot (password change/reset): the database itself is never re-encrypted. */
export function withPasswordSlot(vault: VaultFile, slot: PasswordSlot): VaultFile {
  return {
    ...vault,
    slots: [...vault.slots.filter((s) => !(s.kind === 'password' && s.userTag === slot.userTag)), slot],
  };
}

/** Removes a user's slot (deactivation, master-key rotation): their password no longer opens anything. */
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

export interface PasswordUnlock {
  masterKey: Buffer;
  slot: PasswordSlot;
}

/** The master key if this username/password opens a slot; null otherwise (same answer for unknown users). */
export async function unlockWithPassword(
  vault: VaultFile,
  username: string,
  password: string,
): Promise<PasswordUnlock | null> {
  const slot = findPasswordSlot(vault, username);
  if (!slot) {
    // Spend the same time as a real attempt so unknown usernames cannot be told apart by timing.
    await deriveFromPassword(password, randomBytes(16), typicalParams(vault));
    return null;
  }
  const kek = await deriveFromPassword(password, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  const masterKey = masterFromSlot(slot, kek);
  return masterKey ? { masterKey, slot } : null;
}

function typicalParams(vault: VaultFile): Argon2Params {
  const first = vault.slots.find((s): s is PasswordSlot => s.kind === 'password');
  return first
    ? { alg: 'argon2id', m: first.kdf.m, t: first.kdf.t, p: first.kdf.p }
    : { alg: 'argon2id', m: 19_456, t: 2, p: 1 };
}

/** True when a slot was made with cheaper parameters than today's: re-wrap it at the next sign-in. */
export function slotNeedsUpgrade(slot: PasswordSlot, params: Argon2Params): boolean {
  return slot.kdf.m < params.m || slot.kdf.t < params.t || !slot.publicKey;
}

export function unlockWithRecoveryCode(vault: VaultFile, code: string): Buffer | null {
  const slot = vault.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
  if (!slot) return null;
  return masterFromSlot(slot, deriveFromRecoveryCode(code, Buffer.from(slot.kdf.salt, 'base64')));
}

export class VaultFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultFormatError';
  }
}

function isBlob(value: unknown): value is WrappedKey {
  const v = value as Partial<WrappedKey> | null;
  return typeof v === 'object' && v !== null && [v.iv, v.ct, v.tag].every((s) => typeof s === 'string');
}

function isSalt(value: unknown): boolean {
  return typeof value === 'string' && Buffer.from(value, 'base64').length >= 16;
}

/** The shape of a slot; its key-derivation settings are checked next, before any password is tried. */
function isSlotShape(value: unknown): boolean {
  if (!isBlob(value)) return false;
  const slot = value as Partial<Slot>;
  if (typeof slot.id !== 'string') return false;
  if (slot.kind === 'password') {
    if (typeof slot.kdf !== 'object' || !isSalt(slot.kdf.salt) || typeof slot.userTag !== 'string')
      return false;
  } else if (slot.kind === 'recovery') {
    if (slot.kdf?.alg !== 'hkdf-sha256' || !isSalt(slot.kdf.salt)) return false;
  } else return false;
  const s = value as KeyPairFields;
  if (s.publicKey === undefined && s.sealed === undefined) return true;
  return typeof s.publicKey === 'string' && isSealed(s.sealed);
}

/** Checks the shape of a vault (from disk or from a backup file) before anything trusts it. */
export function parseVault(text: string, where = 'vault.json'): VaultFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new VaultFormatError(`${where} is damaged: it is not valid JSON.`);
  }
  const v = parsed as Partial<VaultFile> & { format?: unknown };
  if (typeof v !== 'object' || v === null || v.format !== 2) {
    const old = typeof v === 'object' && v !== null && (v as { format?: unknown }).format === 1;
    throw new VaultFormatError(
      old
        ? `${where} was made by a development build of CareDesk (vault format 1) and cannot be used.`
        : `${where} is not a CareDesk key vault.`,
    );
  }
  if (
    typeof v.salt !== 'string' ||
    !isBlob(v.database) ||
    (v.pendingDatabase !== undefined && !isBlob(v.pendingDatabase)) ||
    !Array.isArray(v.slots) ||
    !v.slots.every(isSlotShape)
  ) {
    throw new VaultFormatError(`${where} is damaged: a key slot is incomplete.`);
  }
  if (!v.slots.every((slot) => slot.kind !== 'password' || isKnownKdf(slot.kdf))) {
    throw new VaultFormatError(
      `${where} asks for password settings CareDesk never uses (refused, so it cannot stall this computer).`,
    );
  }
  return v as VaultFile;
}

export function readVault(file: string): VaultFile {
  return parseVault(readFileSync(file, 'utf8'));
}

export function writeVault(file: string, vault: VaultFile): void {
  writeFileAtomic(file, `${JSON.stringify(vault, null, 2)}\n`);
}
