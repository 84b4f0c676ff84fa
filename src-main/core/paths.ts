import { join } from 'node:path';

/** Where a facility's files live inside its data folder. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: join(dataDir, 'caredesk.db'),
    vault: join(dataDir, 'vault.json'),
    backups: join(dataDir, 'backups'),
    /** Sign-in failure counts per account tag (survives restarts; names nobody). */
    throttle: join(dataDir, 'throttle.json'),
    /** Databases and vaults set aside by a restore (never deleted by CareDesk). */
    replaced: join(dataDir, 'replaced'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
