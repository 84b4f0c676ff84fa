import { existsSync } from 'node:fs';
import { openDatabase } from '../db/open';
import {
  databaseKeyOf,
  pendingDatabaseKeyOf,
  readVault,
  withDatabaseKey,
  withoutPendingDatabaseKey,
  writeVault,
} from './vault';

function opensWith(file: string, key: Buffer): boolean {
  try {
    openDatabase({ file, key: Buffer.from(key) }).sqlite.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * The database key for opening, given a verified master key. Finishes a re-key that a crash interrupted:
 * if the vault still holds a pending new key, whichever of the two keys opens the file becomes the key.
 * Both keys come out of GCM-checked blobs: nothing here ever makes up a new key.
 */
export function databaseKeyForOpen(
  vaultFile: string,
  databaseFile: string,
  masterKey: Buffer,
  create: boolean,
): Buffer {
  const vault = readVault(vaultFile);
  const current = databaseKeyOf(vault, masterKey);
  const pending = pendingDatabaseKeyOf(vault, masterKey);
  if (!pending || create || !existsSync(databaseFile)) return current;
  if (opensWith(databaseFile, current)) {
    writeVault(vaultFile, withoutPendingDatabaseKey(vault));
    return current;
  }
  if (opensWith(databaseFile, pending)) {
    writeVault(vaultFile, withDatabaseKey(vault, masterKey, pending));
    return pending;
  }
  return current;
}
