import type { CliCommand } from '../command';
import { callOrFail, parse, userOptions } from '../session';
import { adminCore } from './users-shared';

export const rekeyCommand: CliCommand = {
  name: 'rekey',
  summary: 'New database encryption key (a backup is made first).',
  help: `Usage: caredesk rekey --data-dir DIR --user ADMIN [--password-stdin] [--rotate-master-key]

Makes a backup, then re-encrypts the database with a new random key. Every staff password and the recovery
code keep working. With --rotate-master-key the vault's master key changes too: only ADMIN's password and a NEW
recovery code (printed once) open it afterwards, and every other account needs \`caredesk users reset-password\`.`,
  async run(argv, io) {
    const { values } = parse(argv, { ...userOptions, 'rotate-master-key': { type: 'boolean' } });
    const { core, password } = await adminCore(values, io);
    try {
      const report = await callOrFail(core, 'database.rekey', {
        password,
        rotateMasterKey: values['rotate-master-key'] === true,
      });
      io.stdout(`Database re-keyed. Backup made first: ${report.backupFile}\n`);
      if (report.recoveryCode) {
        io.stdout(
          `\nNEW RECOVERY CODE (the old one no longer works; shown once — write it down):\n\n    ${report.recoveryCode}\n\n`,
        );
      }
      if (report.usersNeedingReset.length > 0) {
        io.stdout(`These accounts need a password reset: ${report.usersNeedingReset.join(', ')}\n`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
