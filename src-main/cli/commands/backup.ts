import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { callOrFail, parse, signedInCore, userOptions } from '../session';
import { adminCore } from './users-shared';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Encrypted backup now, as ONE .cdbk file (database + its key vault).',
  help: `Usage: caredesk backup --data-dir DIR --user USER [--password-stdin] [--out FILE.cdbk | --folder DIR]

Writes an encrypted backup: one file holding the encrypted database and its key vault, so it can be restored
on another PC with a staff password of today or the recovery code. Without --out, the file is named
caredesk-<facility>-<time>.cdbk in --folder, or in the facility's backup folder (setting), or DIR/backups.
The file is never readable as plain SQLite.`,
  async run(argv, io) {
    const { values } = parse(argv, { ...userOptions, out: { type: 'string' }, folder: { type: 'string' } });
    // A chosen path needs the password confirmed (step-up), as in the app.
    const core =
      values.out || values.folder ? (await adminCore(values, io)).core : await signedInCore(values, io);
    try {
      const info = await callOrFail(core, 'backup.create', {
        ...(values.out ? { file: resolve(io.cwd, values.out) } : {}),
        ...(values.folder ? { folder: resolve(io.cwd, values.folder) } : {}),
      });
      io.stdout(`Backup written: ${info.file} (${info.bytes} bytes, schema ${info.schemaVersion}).\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
