import { resolve } from 'node:path';

/**
 * `CAREDESK_DATA_DIR` points a development or E2E run at a throwaway data folder. A packaged (installed) app
 * ignores it: anyone able to set an environment variable could otherwise make it open, or create, a
 * facility's files in a folder of their choosing (a USB stick, a share) instead of the protected profile.
 */
export function dataDirOverride(env: NodeJS.ProcessEnv, packaged: boolean): string | null {
  if (packaged) return null;
  const dir = env.CAREDESK_DATA_DIR?.trim();
  return dir ? resolve(dir) : null;
}
