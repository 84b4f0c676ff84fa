import type { Core } from '../../core/core';
import { CliError, type CliIO } from '../command';
import { CLI_CONNECTION, callOrFail, dataDirFrom, openCore, readPassword, requireString } from '../session';

/** Signs in as --user and re-confirms the same password, for commands that change accounts or keys. */
export async function adminCore(
  values: { 'data-dir'?: string | boolean; user?: string | boolean; 'password-stdin'?: string | boolean },
  io: CliIO,
): Promise<{ core: Core; password: string; username: string }> {
  const dataDir = dataDirFrom(values['data-dir'], io);
  const username = requireString(values.user, 'user');
  const password = await readPassword(io, values['password-stdin'] === true);
  const core = openCore(dataDir);
  if (!core.state.isInitialized()) {
    core.close();
    throw new CliError(`no CareDesk facility in ${dataDir}. Run \`caredesk init\` first.`);
  }
  try {
    const session = await callOrFail(core, 'auth.login', { username, password });
    if (session.mustChangePassword) {
      throw new CliError(
        'this account still has a temporary password: sign in to the app and change it first.',
      );
    }
    await callOrFail(core, 'auth.confirmPassword', { password });
  } catch (error) {
    core.close();
    throw error;
  }
  return { core, password, username };
}

/** The id of an account by username (the CLI names people by username). */
export async function userIdOf(core: Core, username: string): Promise<string> {
  const { users } = await callOrFail(core, 'users.list', { includeInactive: true });
  const found = users.find((u) => u.username === username.trim().toLowerCase());
  if (!found) throw new CliError(`no staff account named "${username}".`);
  return found.id;
}

export { CLI_CONNECTION };
