import { CliError, type CliCommand } from '../command';
import { callOrFail, dataDirFrom, openCore, parse, requireString } from '../session';

export const recoverCommand: CliCommand = {
  name: 'recover',
  summary: 'Use the recovery code to set a new password for an admin account.',
  help: `Usage: caredesk recover --data-dir DIR --admin USERNAME [--stdin]

For when every admin password is lost. The recovery code comes from CAREDESK_RECOVERY_CODE and the new
password from CAREDESK_NEW_PASSWORD; with --stdin, line 1 is the code and line 2 the new password.
The account is reactivated if needed; its PIN is cleared. Audited.`,
  async run(argv, io) {
    const { values } = parse(argv, {
      'data-dir': { type: 'string' },
      admin: { type: 'string' },
      stdin: { type: 'boolean' },
    });
    const dataDir = dataDirFrom(values['data-dir'], io);
    const username = requireString(values.admin, 'admin');
    let recoveryCode = io.env.CAREDESK_RECOVERY_CODE;
    let newPassword = io.env.CAREDESK_NEW_PASSWORD;
    if (values.stdin) [recoveryCode, newPassword] = (await io.readStdin()).split(/\r?\n/);
    if (!recoveryCode?.trim())
      throw new CliError('no recovery code (CAREDESK_RECOVERY_CODE or --stdin line 1).');
    if (!newPassword) throw new CliError('no new password (CAREDESK_NEW_PASSWORD or --stdin line 2).');
    const core = openCore(dataDir);
    try {
      if (!core.state.isInitialized()) throw new CliError(`no CareDesk facility in ${dataDir}.`);
      await callOrFail(core, 'auth.recover', { recoveryCode: recoveryCode.trim(), username, newPassword });
      io.stdout(`New password set for ${username}. Sign in with it now.\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
