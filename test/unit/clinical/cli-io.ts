import type { CliIO } from '../../../src-main/cli/command';

/** A CliIO that records what a command prints. */
export function fakeIO(cwd = process.cwd(), stdin = ''): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => stdin,
    env: {},
    cwd,
    out: () => out,
    err: () => err,
  };
}
