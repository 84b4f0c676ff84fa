// Where the facility credential lives: the OS keychain through keytar when a Secret Service / Credential
// Manager answers, otherwise inside the encrypted database (sync_state.credential).
import { createRequire } from 'node:module';
import type { Sqlite } from '../db/open';

const SERVICE = 'CareDesk facility credential';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export type CredentialStore = 'keychain' | 'database';

function loadKeytar(): Keytar | null {
  if (process.env.CAREDESK_NO_KEYCHAIN === '1') return null;
  try {
    return createRequire(import.meta.url)('keytar') as Keytar;
  } catch {
    return null;
  }
}

/** Stores the credential, preferring the keychain; says where it went. */
export async function saveCredential(
  sqlite: Sqlite,
  account: string,
  credential: string,
): Promise<CredentialStore> {
  const keytar = loadKeytar();
  if (keytar) {
    try {
      await keytar.setPassword(SERVICE, account, credential);
      if ((await keytar.getPassword(SERVICE, account)) === credential) {
        sqlite
          .prepare("UPDATE sync_state SET credential_store = 'keychain', credential = NULL WHERE id = 1")
          .run();
        return 'keychain';
      }
    } catch {
      // No Secret Service on this session (headless Linux, locked keyring): the database keeps it instead.
    }
  }
  sqlite
    .prepare("UPDATE sync_state SET credential_store = 'database', credential = ? WHERE id = 1")
    .run(credential);
  return 'database';
}

export async function readCredential(sqlite: Sqlite, account: string): Promise<string | null> {
  const row = sqlite.prepare('SELECT credential_store, credential FROM sync_state WHERE id = 1').get() as
    { credential_store: string | null; credential: string | null } | undefined;
  if (!row?.credential_store) return null;
  if (row.credential_store === 'database') return row.credential;
  try {
    return (await loadKeytar()?.getPassword(SERVICE, account)) ?? null;
  } catch {
    return null;
  }
}
