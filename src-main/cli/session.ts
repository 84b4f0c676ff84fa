import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract';
import { createCore, type Core } from '../core/core';
import type { CoreOptions } from '../core/state';
import { stderrLogger } from '../core/log';
import { CliError, type CliIO } from './command';

/** Options every command that opens a facility's database takes. */
export const dataDirOption = { 'data-dir': { type: 'string' } } as const;
export const userOptions = {
  ...dataDirOption,
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

export const CLI_CONNECTION = 'cli';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
}

export function requireString(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`--${flag} is required.`);
  return value;
}

export function dataDirFrom(value: string | boolean | undefined, io: CliIO): string {
  return resolve(io.cwd, requireString(value, 'data-dir'));
}

/** The password comes from CAREDESK_PASSWORD or, with --password-stdin, the first line of standard input. */
export async function readPassword(io: CliIO, fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) {
    const line = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
    if (!line) throw new CliError('no password on standard input.');
    return line;
  }
  const fromEnv = io.env.CAREDESK_PASSWORD;
  if (!fromEnv) throw new CliError('give the password in CAREDESK_PASSWORD or with --password-stdin.');
  return fromEnv;
}

export function openCore(dataDir: string, emit?: CoreOptions['emit']): Core {
  // Only errors reach the terminal: warnings (e.g. a failed sign-in) are already said in the one-line message.
  return createCore({
    dataDir,
    logger: { ...stderrLogger, info: () => {}, warn: () => {} },
    appVersion: 'cli',
    ...(emit ? { emit } : {}),
  });
}

/** Calls a channel and turns a failure into one clear line (with the fields at fault). */
export async function callOrFail<C extends ChannelName>(
  core: Core,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const result = await core.call(CLI_CONNECTION, channel, input);
  if (!result.ok) throw new CliError(result.message, result.code === 'INTERNAL' ? 1 : 2);
  return result.value;
}

/** Opens the data folder and signs in as --user; the caller must close the core. */
export async function signedInCore(
  values: { 'data-dir'?: string | boolean; user?: string | boolean; 'password-stdin'?: string | boolean },
  io: CliIO,
  /** Core events (progress of long work) for the command to show on stderr. */
  emit?: CoreOptions['emit'],
): Promise<Core> {
  const dataDir = dataDirFrom(values['data-dir'], io);
  const username = requireString(values.user, 'user');
  const password = await readPassword(io, values['password-stdin'] === true);
  const core = openCore(dataDir, emit);
  if (!core.state.isInitialized()) {
    core.close();
    throw new CliError(`no CareDesk facility in ${dataDir}. Run \`caredesk init\` first.`);
  }
  try {
    await callOrFail(core, 'auth.login', { username, password });
  } catch (error) {
    core.close();
    throw error;
  }
  return core;
}
