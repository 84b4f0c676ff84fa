// Run by keychain.test.ts inside `dbus-run-session` with an unlocked gnome-keyring: saves a credential through
// keytar, reads it back, and prints where it went as one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCredential, saveCredential } from '../../../src-main/sync/credential';
import { syncIdentity } from '../../../src-main/sync/epoch';
import { setUpFacility, tempCore } from '../../support/core';

const dir = mkdtempSync(join(tmpdir(), 'caredesk-keychain-'));
const core = tempCore(dir);
await setUpFacility(core, 'admin');
const sqlite = core.state.database!.sqlite;
const { facilityId } = syncIdentity(sqlite);
const store = await saveCredential(sqlite, facilityId, 'cdf_keychain_credential_abcdef123456');
const inDatabase = (
  sqlite.prepare('SELECT credential FROM sync_state').get() as { credential: string | null }
).credential;
const readBack = await readCredential(sqlite, facilityId);
core.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ store, inDatabase, readBack }));
