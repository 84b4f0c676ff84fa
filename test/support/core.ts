import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/core';
import { silentLogger } from '../../src-main/core/log';
import { FLOOR_KDF } from '../../src-main/security/kdf';
import type { ChannelName, InputOf, OutputOf, Result } from '../../shared/contract';

export const ADMIN = {
  username: 'amina',
  fullName: 'Amina Diallo',
  password: 'correct horse battery staple',
};
export const FACILITY = {
  name: 'Kissidougou Health Centre',
  code: 'KSD-01',
  district: 'Kissidougou',
  country: 'Guinea',
};

/** A throwaway data folder and a core over it; floor KDF parameters keep the suite fast. */
export function tempCore(
  dataDir = mkdtempSync(join(tmpdir(), 'caredesk-test-')),
): Core & { dataDir: string; dispose(): void } {
  const core = createCore({ dataDir, kdf: FLOOR_KDF, logger: silentLogger, appVersion: 'test' });
  return {
    ...core,
    dataDir,
    dispose() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function setUpFacility(core: Core, connectionId = 'setup'): Promise<string> {
  const result = await core.call(connectionId, 'setup.initialize', { facility: FACILITY, admin: ADMIN });
  return unwrap(result).recoveryCode;
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.value;
}

export type Call = <C extends ChannelName>(channel: C, input: InputOf<C>) => Promise<Result<OutputOf<C>>>;
