import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/core';
import { silentLogger } from '../../src-main/core/log';
import { deriveFromPassword, LOGIN_KDF } from '../../src-main/security/kdf';
import { percentile, round, timeMs } from './stats';
import type { Bench } from './types';

/** Core cold open (new core, key known, open + pragmas + migration check) and the login key derivation. */
export const bench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-bench-'));
  try {
    const setup = createCore({ dataDir, logger: silentLogger });
    const init = await setup.call('b', 'setup.initialize', {
      facility: { name: 'Bench HC', code: 'B1', district: '', country: '' },
      admin: { username: 'bench', fullName: 'Bench', password: 'bench password 123' },
    });
    if (!init.ok) throw new Error(init.message);
    const key = Buffer.from(setup.state.database!.key);
    setup.close();

    const opens: number[] = [];
    for (let i = 0; i < 10; i++) {
      const core = createCore({ dataDir, logger: silentLogger });
      opens.push(await timeMs(() => core.state.openWithKey(Buffer.from(key))));
      core.close();
    }
    const kdf: number[] = [];
    for (let i = 0; i < 5; i++)
      kdf.push(await timeMs(() => deriveFromPassword('bench password 123', randomBytes(16), LOGIN_KDF)));
    return {
      coreColdOpen_p50_ms: round(percentile(opens, 50)),
      coreColdOpen_max_ms: round(Math.max(...opens)),
      loginKdf_p50_ms: round(percentile(kdf, 50)),
      loginKdf_max_ms: round(Math.max(...kdf)),
      loginKdf_target: '250–1000 ms',
      loginKdf_params: `argon2id m=${LOGIN_KDF.m} KiB t=${LOGIN_KDF.t} p=${LOGIN_KDF.p}`,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};
