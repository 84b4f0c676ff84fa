import { ROLES, type Role } from '../../../shared/contract';
import { CliError, type CliCommand } from '../command';
import { callOrFail, parse, requireString, userOptions } from '../session';
import { adminCore, userIdOf } from './users-shared';

const SIGN_IN = `--data-dir DIR --user ADMIN [--password-stdin]`;
const SIGN_IN_HELP = `Signs in as ADMIN (password from CAREDESK_PASSWORD or --password-stdin), which also serves as the
password re-entry that role changes and resets need.`;

/** `--role clinician` or several at once, `--role admin,manager` (the first is the main role). */
function rolesFrom(value: string | boolean | undefined): { role: Role; roles: Role[] } {
  const names = requireString(value, 'role')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  for (const name of names) {
    if (!(ROLES as readonly string[]).includes(name))
      throw new CliError(`--role must be one or more of: ${ROLES.join(', ')} (comma-separated).`);
  }
  const roles = names as Role[];
  if (roles.length === 0) throw new CliError(`--role needs at least one of: ${ROLES.join(', ')}.`);
  return { role: roles[0]!, roles };
}

function printTemporary(io: { stdout(t: string): void }, username: string, password: string): void {
  io.stdout(
    `Temporary password for ${username} (shown once; they must change it at first sign-in):\n\n    ${password}\n\n`,
  );
}

export const usersListCommand: CliCommand = {
  name: 'users list',
  summary: 'List staff accounts with role, status and last sign-in.',
  help: `Usage: caredesk users list ${SIGN_IN} [--json]

${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, { ...userOptions, json: { type: 'boolean' } });
    const { core } = await adminCore(values, io);
    try {
      const { users } = await callOrFail(core, 'users.list', { includeInactive: true });
      if (values.json) {
        io.stdout(`${JSON.stringify(users, null, 2)}\n`);
        return 0;
      }
      for (const u of users) {
        const flags = [
          u.active ? null : 'deactivated',
          u.mustChangePassword ? 'temporary password' : null,
          u.hasKeySlot || !u.active ? null : 'needs password reset',
          u.hasPin ? 'PIN' : null,
        ].filter(Boolean);
        io.stdout(
          `${u.username.padEnd(20)} ${u.roles.join('+').padEnd(11)} ${u.fullName.padEnd(28)} last sign-in: ${u.lastLoginAt ?? 'never'}${flags.length ? `  [${flags.join(', ')}]` : ''}\n`,
        );
      }
      return 0;
    } finally {
      core.close();
    }
  },
};

export const usersAddCommand: CliCommand = {
  name: 'users add',
  summary: 'Create a staff account; prints its temporary password once.',
  help: `Usage: caredesk users add ${SIGN_IN} --username NAME --name "FULL NAME" --role ROLE

ROLE is one of: ${ROLES.join(', ')}; several roles at once are comma-separated (admin,manager), the first
being the main one. The new person must change the temporary password at first sign-in.
${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    });
    const input = {
      username: requireString(values.username, 'username'),
      fullName: requireString(values.name, 'name'),
      ...rolesFrom(values.role),
    };
    const { core } = await adminCore(values, io);
    try {
      const created = await callOrFail(core, 'users.create', input);
      io.stdout(`Created ${created.user.username} (${created.user.roles.join(', ')}).\n`);
      printTemporary(io, created.user.username, created.temporaryPassword);
      return 0;
    } finally {
      core.close();
    }
  },
};

function accountCommand(
  name: string,
  summary: string,
  extraHelp: string,
  extra: Record<string, { type: 'string' }>,
  act: (
    core: Awaited<ReturnType<typeof adminCore>>['core'],
    id: string,
    values: Record<string, string | boolean | undefined>,
    io: { stdout(t: string): void },
  ) => Promise<void>,
): CliCommand {
  return {
    name,
    summary,
    help: `Usage: caredesk ${name} ${SIGN_IN} --username NAME ${extraHelp}\n\n${SIGN_IN_HELP}`,
    async run(argv, io) {
      const { values } = parse(argv, { ...userOptions, username: { type: 'string' }, ...extra });
      const target = requireString(values.username, 'username');
      const { core } = await adminCore(values, io);
      try {
        await act(core, await userIdOf(core, target), values, io);
        return 0;
      } finally {
        core.close();
      }
    },
  };
}

export const usersEditCommand = accountCommand(
  'users edit',
  'Change a staff member’s full name.',
  '--name "FULL NAME"',
  { name: { type: 'string' } },
  async (core, id, values, io) => {
    const fullName = requireString(values.name, 'name');
    const { users } = await callOrFail(core, 'users.list', { includeInactive: true });
    const version = users.find((u) => u.id === id)!.version;
    const user = await callOrFail(core, 'users.update', { id, fullName, version });
    io.stdout(`${user.username} is now "${user.fullName}".\n`);
  },
);

export const usersRoleCommand = accountCommand(
  'users role',
  'Change a staff member’s roles (audited; several: --role admin,manager).',
  '--role ROLE[,ROLE…]',
  { role: { type: 'string' } },
  async (core, id, values, io) => {
    const user = await callOrFail(core, 'users.setRole', { id, ...rolesFrom(values.role) });
    io.stdout(`${user.username} is now ${user.roles.join(', ')}.\n`);
  },
);

export const usersDeactivateCommand = accountCommand(
  'users deactivate',
  'Deactivate an account (never deleted): sessions end, its password stops opening the database.',
  '--reason "WHY"',
  { reason: { type: 'string' } },
  async (core, id, values, io) => {
    const user = await callOrFail(core, 'users.deactivate', {
      id,
      reason: requireString(values.reason, 'reason'),
    });
    io.stdout(`${user.username} is deactivated.\n`);
  },
);

export const usersReactivateCommand = accountCommand(
  'users reactivate',
  'Reactivate an account with a new temporary password.',
  '',
  {},
  async (core, id, _values, io) => {
    const { user, temporaryPassword } = await callOrFail(core, 'users.reactivate', { id });
    io.stdout(`${user.username} is active again.\n`);
    printTemporary(io, user.username, temporaryPassword);
  },
);

export const usersResetPasswordCommand = accountCommand(
  'users reset-password',
  'Give a staff member a new temporary password (their sessions end, their PIN is cleared).',
  '',
  {},
  async (core, id, _values, io) => {
    const { user, temporaryPassword } = await callOrFail(core, 'users.resetPassword', { id });
    printTemporary(io, user.username, temporaryPassword);
  },
);
