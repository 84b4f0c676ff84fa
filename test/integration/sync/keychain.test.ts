import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readCredential, saveCredential } from '../../../src-main/sync/credential';
import { syncIdentity } from '../../../src-main/sync/epoch';
import { setUpFacility, tempCore } from '../../support/core';

const tools = ['/usr/bin/dbus-run-session', '/usr/bin/gnome-keyring-daemon'];
const noSecretService = tools.every((t) => existsSync(t))
  ? null
  : 'dbus-run-session / gnome-keyring-daemon not installed (apt-get install dbus gnome-keyring; .ci/run does)';
if (noSecretService) console.log(`keychain test skipped: ${noSecretService}`);

describe('facility credential storage', () => {
  const cores: { dispose(): void }[] = [];
  afterEach(() => {
    for (const c of cores.splice(0)) c.dispose();
    delete process.env.CAREDESK_NO_KEYCHAIN;
  });

  it('falls back to the encrypted database when no keychain answers', async () => {
    process.env.CAREDESK_NO_KEYCHAIN = '1';
    const core = tempCore();
    cores.push(core);
    await setUpFacility(core, 'admin');
    const sqlite = core.state.database!.sqlite;
    const { facilityId } = syncIdentity(sqlite);
    expect(await saveCredential(sqlite, facilityId, 'cdf_test_credential_value_123456')).toBe('database');
    expect(await readCredential(sqlite, facilityId)).toBe('cdf_test_credential_value_123456');
  });

  it.skipIf(noSecretService)(
    'keeps it in a real Secret Service (gnome-keyring over D-Bus), not in the database',
    () => {
      const out = execFileSync(
        'dbus-run-session',
        [
          '--',
          'sh',
          '-c',
          'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; npx tsx test/integration/sync/keychain-probe.ts',
        ],
        { encoding: 'utf8', timeout: 90_000, env: { ...process.env, CAREDESK_NO_KEYCHAIN: '' } },
      );
      expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({
        store: 'keychain',
        inDatabase: null,
        readBack: 'cdf_keychain_credential_abcdef123456',
      });
    },
    120_000,
  );
});
