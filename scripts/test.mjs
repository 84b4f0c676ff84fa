// `npm test`: lint, typecheck, unit + integration (vitest), then E2E in Chromium. One command, one verdict.
// Prints each runner's own summary and, last, one line "tests: N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });
const bin = (name) => `node_modules/.bin/${name}`;
const steps = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(title, command, args) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ title, ok: status === 0, seconds });
  return status === 0;
}

function count(jsonFile) {
  if (!existsSync(jsonFile)) return false;
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return true;
}

function vitest(title, extraArgs, jsonFile) {
  rmSync(jsonFile, { force: true });
  const ok = run(title, bin('vitest'), [
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
  ]);
  if (!count(jsonFile) && !ok) failed += 1; // the runner died before reporting: count that as a failure
  return ok;
}

run('lint', bin('eslint'), ['.', '--max-warnings', '0']);
run('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
vitest('unit + integration', [], `${results}/vitest.json`);
if (run('build web renderer', process.execPath, ['scripts/build.mjs', '--renderer-only'])) {
  vitest('e2e (chromium)', ['--config', 'vitest.e2e.config.ts'], `${results}/e2e.json`);
} else {
  failed += 1;
}

console.log('\n=== summary');
for (const step of steps) console.log(`${step.ok ? 'ok  ' : 'FAIL'} ${step.title} (${step.seconds} s)`);
const allOk = steps.every((s) => s.ok);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(allOk && failed === 0 ? 0 : 1);
