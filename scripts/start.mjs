// `npm start`: build CareDesk, make sure the Electron runtime and the Electron build of the database module are
// there (preparing them once when missing), then launch the app. Anything that stops it ends in one clear line.
// `npm start -- --skip-build` launches the last build; other arguments are passed to Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, describeBuildFailure } from './build.mjs';
import {
  NativeBuildError,
  installedElectronVersion,
  prepareElectronNative,
} from './prepare-electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

class StartError extends Error {}

/** The Electron executable if installed. Never `require('electron')`: that starts a download by itself. */
function electronExecutable() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const exe = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relativePath)
    : join(dir, 'dist', relativePath);
  return existsSync(exe) ? exe : null;
}

/** npm may have skipped Electron's download (offline, ignore-scripts): try it once, then explain. */
function ensureElectron() {
  const found = electronExecutable();
  if (found) return found;
  const version = installedElectronVersion();
  console.log(`start: downloading the Electron ${version} runtime (once)…`);
  const install = join(dirname(require.resolve('electron/package.json')), 'install.js');
  const result = spawnSync(process.execPath, [install], { encoding: 'utf8', timeout: 15 * 60_000 });
  const exe = electronExecutable();
  if (exe) return exe;
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}${result.error?.message ?? ''}`;
  const offline =
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo|fetch failed|network/i.test(output);
  throw new StartError(
    `The Electron ${version} runtime is not installed and could not be downloaded${offline ? ' (no internet?)' : ''}. ` +
      'Connect to the internet and run `npm start` again.',
  );
}

async function main(args) {
  const skipBuild = args.includes('--skip-build');
  const electronArgs = args.filter((a) => a !== '--skip-build');
  if (skipBuild) {
    if (!existsSync(join(root, 'out/main/index.cjs')))
      throw new StartError('There is no build yet: run `npm start` without --skip-build.');
  } else {
    await buildAll();
  }
  prepareElectronNative();
  const exe = ensureElectron();

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
  const child = spawn(exe, [root, ...electronArgs], { cwd: root, env, stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`start: could not launch Electron (${error.message})`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof StartError || error instanceof NativeBuildError)
    console.error(`start: ${error.message}`);
  else console.error(`start: the build failed: ${describeBuildFailure(error)}`);
  process.exit(1);
});
