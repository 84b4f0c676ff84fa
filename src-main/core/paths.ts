import { join } from 'node:path';

/** Where a facility's files live inside its data folder. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: join(dataDir, 'caredesk.db'),
    vault: join(dataDir, 'vault.json'),
    backups: join(dataDir, 'backups'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
