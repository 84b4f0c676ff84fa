import { CliError, type CliCommand, type CliIO } from './command';
import { commands } from './commands';

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: caredesk <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `caredesk <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

/** Longest command name that prefixes argv ("users add" before "users"). */
function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  let best: { command: CliCommand; rest: string[] } | null = null;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (
      words.every((w, i) => argv[i] === w) &&
      (!best || words.length > best.command.name.split(' ').length)
    ) {
      best = { command, rest: argv.slice(words.length) };
    }
  }
  return best;
}

/** Runs one command; every failure is one clear line on stderr and a non-zero exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`caredesk: unknown command "${argv[0]}". Run \`caredesk --help\` for the list.\n`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.stdout(found.command.help.endsWith('\n') ? found.command.help : `${found.command.help}\n`);
    return 0;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`caredesk ${found.command.name}: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`caredesk ${found.command.name}: ${error.message}. See --help.\n`);
      return 2;
    }
    io.stderr(
      `caredesk ${found.command.name}: unexpected failure (${error instanceof Error ? error.name : 'error'}).\n`,
    );
    return 1;
  }
}
