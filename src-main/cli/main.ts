import { runCli } from './run';
import { processIO } from './io';

// `caredesk` — the core without Electron, for facility IT, scripts, tests and benchmarks.
runCli(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`caredesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
