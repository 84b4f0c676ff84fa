import { randomBytes } from 'node:crypto';
import type { CoreState, OpenDatabase } from '../../core/state';
import type { Sqlite } from '../../db/open';
import {
  resealedVault,
  userTag,
  withPasswordSlot,
  withPendingDatabaseKey,
  type PasswordSlot,
  type Slot,
  type VaultFile,
} from '../../security/vault';

export type RotationStep = 'keys' | 'database' | 'done';

export interface RotationOptions {
  /** The account whose old key must stop opening anything (deactivated, or reset after a leak). */
  username: string;
  /** For a reset: the account's new slot; built by the caller around `masterKey`. */
  replacement?: (masterKey: Buffer) => Promise<PasswordSlot>;
  /** Who sees the progress (`keys.progress` events). */
  connectionId?: string;
}

/** Re-encrypts the open file under a new key. SQLite3MC re-keys only outside WAL mode. */
export function rekeyFile(sqlite: Sqlite, newKey: Buffer): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
  try {
    sqlite.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  } finally {
    sqlite.pragma('journal_mode = WAL');
  }
}

/**
 * Ends an account's hold on the data (finding: a deactivated clerk's old backup + old password still opened
 * today's records). A new master key is sealed to every OTHER account's public key and the recovery slot
 * (nobody else needs a new password), and the database file is re-keyed, so the master key and database key
 * in any older backup or vault copy no longer open today's file. Crash-safe in the same way as a re-key:
 * the vault holds the new database key as "pending" before the file changes (security/unlock.ts).
 */
export async function rotateKeysWithout(
  state: CoreState,
  open: OpenDatabase,
  oldMaster: Buffer,
  options: RotationOptions,
): Promise<{ dropped: Slot[] }> {
  const progress = (step: RotationStep, percent: number): void => {
    if (options.connectionId) state.emit(options.connectionId, 'keys.progress', { step, percent });
  };
  const newMaster = randomBytes(32);
  const newKey = randomBytes(32);
  const replacement = options.replacement ? await options.replacement(newMaster) : null;
  progress('keys', 0);
  const current = state.readVault();
  const tag = userTag(current, options.username);
  const leaving = (slot: Slot): boolean => slot.kind === 'password' && slot.userTag === tag;
  // Step 1, before the file changes: their slot goes and the new database key is remembered.
  const withoutThem: VaultFile = { ...current, slots: current.slots.filter((s) => !leaving(s)) };
  state.writeVault(withPendingDatabaseKey(withoutThem, oldMaster, newKey));
  progress('database', 10);
  rekeyFile(open.sqlite, newKey);
  progress('database', 90);
  const { vault, dropped } = resealedVault(withoutThem, newMaster, newKey, () => true);
  state.writeVault(replacement ? withPasswordSlot(vault, replacement) : vault);
  open.key.fill(0);
  open.key = newKey;
  state.masterKey?.fill(0);
  state.masterKey = newMaster;
  progress('done', 100);
  return { dropped };
}
