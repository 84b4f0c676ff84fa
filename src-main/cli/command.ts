/** What a CLI command sees of the outside world; injected so tests can drive commands in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whole standard input (used by --password-stdin and `--input -`). */
  readStdin(): Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export interface CliCommand {
  /** e.g. "zscore", or "users add" for a sub-command. */
  name: string;
  summary: string;
  /** Full text printed by `caredesk <name> --help`. */
  help: string;
  /** Returns the process exit code. Throw CliError for a one-line user-facing failure. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** A failure the user caused or can fix: printed as one line, never with a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
