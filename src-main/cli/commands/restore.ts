import { resolve } from 'node:path';
import { CliError, type CliCommand, type CliIO } from '../command';
import {
  CLI_CONNECTION,
  callOrFail,
  dataDirFrom,
  openCore,
  parse,
  readPassword,
  requireString,
} from '../session';

/** The recovery code from CAREDESK_RECOVERY_CODE or the first line of standard input. */
export async function readRecoveryCode(io: CliIO, fromStdin: boolean): Promise<string> {
  const code = fromStdin ? (await io.readStdin()).split(/\r?\n/)[0] : io.env.CAREDESK_RECOVERY_CODE;
  if (!code?.trim())
    throw new CliError('give the recovery code in CAREDESK_RECOVERY_CODE or with --recovery-code-stdin.');
  return code.trim();
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restore a .cdbk backup (checked first; the replaced database is kept aside).',
  help: `Usage: caredesk restore --data-dir DIR --from FILE.cdbk (--user USER [--password-stdin] | --recovery-code-stdin)

Opens the backup's own key vault with USER's password of the time (CAREDESK_PASSWORD or --password-stdin) or
with the recovery code (CAREDESK_RECOVERY_CODE or --recovery-code-stdin), checks the backup's integrity and
schema version, then moves the current database and vault to DIR/replaced/<time>/ and puts the backup in place.
On a new PC (empty DIR) or over a damaged database no sign-in is needed; over a working database USER must be an
administrator of it (same password).`,
  async run(argv, io) {
    const { values } = parse(argv, {
      'data-dir': { type: 'string' },
      from: { type: 'string' },
      user: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'recovery-code-stdin': { type: 'boolean' },
    });
    const dataDir = dataDirFrom(values['data-dir'], io);
    const file = resolve(io.cwd, requireString(values.from, 'from'));
    const username = typeof values.user === 'string' ? values.user : undefined;
    const password = username ? await readPassword(io, values['password-stdin']) : null;
    const useCode = !username || values['recovery-code-stdin'] === true;
    const credentials =
      username && password && !values['recovery-code-stdin']
        ? { kind: 'password' as const, username, password }
        : {
            kind: 'recovery' as const,
            recoveryCode: await readRecoveryCode(io, values['recovery-code-stdin'] === true),
          };
    const core = openCore(dataDir);
    try {
      let result = await core.call(CLI_CONNECTION, 'backup.restoreWithoutSignIn', { file, credentials });
      if (!result.ok && result.code === 'CONFLICT' && username && password) {
        await callOrFail(core, 'auth.login', { username, password });
        await callOrFail(core, 'auth.confirmPassword', { password });
        result = await core.call(CLI_CONNECTION, 'backup.restore', { file, credentials });
      }
      if (!result.ok) {
        const hint = result.code === 'CONFLICT' && useCode ? ' Add --user ADMIN to sign in.' : '';
        throw new CliError(`${result.message}${hint}`, result.code === 'INTERNAL' ? 1 : 2);
      }
      const report = result.value;
      io.stdout(
        [
          `Restored ${report.restoredFrom} (made ${report.backupCreatedAt}, schema ${report.schemaVersion}).`,
          report.replacedKeptIn
            ? `The replaced database and vault are kept in ${report.replacedKeptIn}.`
            : null,
          'Records:',
          ...Object.entries(report.counts).map(([table, n]) => `  ${table.padEnd(20)} ${n}`),
          '',
        ]
          .filter((l) => l !== null)
          .join('\n'),
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
