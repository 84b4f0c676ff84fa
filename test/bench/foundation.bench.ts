import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/core';
import { silentLogger } from '../../src-main/core/log';
import { percentile, round, timeMs } from './stats';
import type { Bench } from './types';

/** Core cold open: new core, key known, open + pragmas + quick check + migration check (login KDF: security bench). */
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
    return {
      coreColdOpen_p50_ms: round(percentile(opens, 50)),
      coreColdOpen_max_ms: round(Math.max(...opens)),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};
