import { runCli } from '../../src-main/cli/run';
import type { CliIO } from '../../src-main/cli/command';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `caredesk …` in-process with captured output. */
export async function cli(argv: string[], env: Record<string, string> = {}, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
    env,
    cwd: process.cwd(),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
