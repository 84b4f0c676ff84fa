import type { CliCommand } from '../command';
import { callOrFail, dataDirFrom, openCore, parse, readPassword, requireString } from '../session';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'Set up a new facility: encrypted database, key vault and admin account.',
  help: `Usage: caredesk init --data-dir DIR --facility-name NAME --facility-code CODE --admin-username USER
                     [--admin-name "FULL NAME"] [--district D] [--country C] [--admin-sees-patients]
                     [--password-stdin]

Creates the encrypted database and its key vault in DIR (which must not hold a facility yet).
--admin-sees-patients makes the administrator a clinician too (a small facility without a separate
clinical account). The admin password comes from CAREDESK_PASSWORD or, with --password-stdin, from standard input.
Prints the recovery code ONCE: write it down and keep it safe; it opens the database if every
staff password is lost.`,
  async run(argv, io) {
    const { values } = parse(argv, {
      'data-dir': { type: 'string' },
      'facility-name': { type: 'string' },
      'facility-code': { type: 'string' },
      district: { type: 'string', default: '' },
      country: { type: 'string', default: '' },
      'admin-username': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-sees-patients': { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
    });
    const dataDir = dataDirFrom(values['data-dir'], io);
    const username = requireString(values['admin-username'], 'admin-username');
    const input = {
      facility: {
        name: requireString(values['facility-name'], 'facility-name'),
        code: requireString(values['facility-code'], 'facility-code'),
        district: values.district ?? '',
        country: values.country ?? '',
      },
      admin: {
        username,
        fullName: values['admin-name'] ?? username,
        password: await readPassword(io, values['password-stdin']),
        seesPatients: values['admin-sees-patients'] === true,
      },
    };
    const core = openCore(dataDir);
    try {
      const { recoveryCode } = await callOrFail(core, 'setup.initialize', input);
      io.stdout(
        `Facility set up in ${dataDir}.\n\n` +
          `RECOVERY CODE (shown once — write it down and keep it somewhere safe):\n\n    ${recoveryCode}\n\n`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
