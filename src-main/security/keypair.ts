import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
} from 'node:crypto';
import { randomBytes } from 'node:crypto';

/**
 * Per-account X25519 key pairs (issue: a deactivated account kept the key). Each slot holds a public key in
 * clear and its private key wrapped under the account's password-derived key; the master key is sealed to
 * the public key (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM, i.e. ECIES). So the master key can be
 * rotated and re-sealed to every remaining account WITHOUT knowing their passwords.
 */
export interface SealedKey {
  /** The sender's ephemeral public key (SPKI DER, base64). */
  epk: string;
  iv: string;
  ct: string;
  tag: string;
}

export interface KeyPair {
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER: only ever kept wrapped (AES-GCM under a password- or recovery-derived key). */
  privateKey: Buffer;
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

function sealingKey(shared: Buffer, epk: string, recipient: string, slotId: string): Buffer {
  const salt = Buffer.from(`${epk}|${recipient}`);
  return Buffer.from(hkdfSync('sha256', shared, salt, `caredesk master seal|${slotId}`, 32));
}

/** Seals a secret (the master key) to a recipient's public key; bound to the slot id. */
export function sealTo(recipientPublicKey: string, secret: Buffer, slotId: string): SealedKey {
  const eph = generateKeyPairSync('x25519');
  const epk = eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const shared = diffieHellman({
    privateKey: eph.privateKey,
    publicKey: createPublicKey({
      key: Buffer.from(recipientPublicKey, 'base64'),
      format: 'der',
      type: 'spki',
    }),
  });
  const key = sealingKey(shared, epk, recipientPublicKey, slotId);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(secret), cipher.final()]);
  return {
    epk,
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The sealed secret, or null when the private key does not match or the blob was changed. */
export function openSealed(
  privateKeyDer: Buffer,
  recipientPublicKey: string,
  sealed: SealedKey,
  slotId: string,
): Buffer | null {
  try {
    const shared = diffieHellman({
      privateKey: createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' }),
      publicKey: createPublicKey({ key: Buffer.from(sealed.epk, 'base64'), format: 'der', type: 'spki' }),
    });
    const key = sealingKey(shared, sealed.epk, recipientPublicKey, slotId);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function isSealed(value: unknown): value is SealedKey {
  const v = value as Partial<SealedKey> | null;
  return (
    typeof v === 'object' && v !== null && [v.epk, v.iv, v.ct, v.tag].every((s) => typeof s === 'string')
  );
}
