// Builds better-sqlite3-multiple-ciphers for Electron's ABI into native/electron-<version>-<platform>-<arch>/,
// leaving node_modules (Node's build, used by tests and the CLI) untouched, so `npm start` and `npm test` never
// break each other (issue 2, item 2). Skips when the binding is already there; `--force` rebuilds.
//
// How: copy the package to a temp folder, then (1) fetch the maintainers' prebuilt Electron binary with
// prebuild-install, or (2) compile it with node-gyp against Electron's headers. node-gyp is used directly rather
// than @electron/rebuild, whose current major needs Node >= 22; this works on Node 20 and 22.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Same folder name as src-main/app/native-binding.ts (a unit test keeps the two in step). */
export function nativeBindingDir(electronVersion, platform, arch) {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export function installedElectronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

export class NativeBuildError extends Error {}

/**
 * Ensures the Electron build of the database module exists; returns its path. `runtime: 'node'` builds the
 * same way for plain Node (used to check this pipeline where Electron's headers cannot be downloaded).
 */
export function prepareElectronNative(options = {}) {
  const {
    runtime = 'electron',
    version = installedElectronVersion(),
    platform = process.platform,
    arch = process.arch,
    force = false,
    outDir = join(root, 'native'),
    gypArgs: extraGypArgs = [],
    log = (line) => console.log(line),
  } = options;
  const dir =
    runtime === 'electron'
      ? nativeBindingDir(version, platform, arch)
      : `${runtime}-${version}-${platform}-${arch}`;
  const target = join(outDir, dir, 'better_sqlite3.node');
  if (existsSync(target) && !force) {
    log(`native: ${relative(root, target)} is present`);
    return target;
  }
  if (platform !== process.platform) {
    throw new NativeBuildError(
      `cannot build the database module for ${platform} on ${process.platform}; build on ${platform}`,
    );
  }

  const logFile = join(outDir, `prepare-${dir}.log`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(logFile, `prepare ${dir}\n`);
  const work = mkdtempSync(join(tmpdir(), 'caredesk-native-'));
  const started = performance.now();
  try {
    const pkg = join(work, 'better-sqlite3');
    const source = dirname(require.resolve('better-sqlite3/package.json'));
    // Node's build folder stays behind: it is Node's ABI, and big.
    cpSync(source, pkg, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });

    log(`native: fetching the prebuilt database module for ${runtime} ${version} (${platform}-${arch})…`);
    const { ok: prebuilt } = run(
      logFile,
      pkg,
      require.resolve('prebuild-install/bin.js'),
      [
        `--runtime=${runtime}`,
        `--target=${version}`,
        `--arch=${arch}`,
        `--platform=${platform}`,
        '--verbose',
      ],
      120_000,
    );
    if (!prebuilt) {
      log('native: no prebuilt module; compiling it with node-gyp (a few minutes, needs a C++ toolchain)…');
      const gypArgs = [
        'rebuild',
        '--release',
        `--target=${version}`,
        `--arch=${arch}`,
        '--jobs=max',
        ...extraGypArgs,
      ];
      if (runtime === 'electron') {
        gypArgs.push(
          '--dist-url=https://electronjs.org/headers',
          `--devdir=${join(homedir(), '.electron-gyp')}`,
        );
      }
      const gyp = run(logFile, pkg, require.resolve('node-gyp/bin/node-gyp.js'), gypArgs, 30 * 60_000);
      if (!gyp.ok)
        throw new NativeBuildError(
          `${explain(gyp.output, runtime, version)} (details: ${relative(root, logFile)})`,
        );
    }
    const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built))
      throw new NativeBuildError(
        `the build produced no better_sqlite3.node (details: ${relative(root, logFile)})`,
      );
    checkBinary(built, platform);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(built, target);
    log(`native: wrote ${relative(root, target)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs a tool in the package copy, appending its output to the log. */
function run(logFile, cwd, script, args, timeout) {
  const env = { ...process.env };
  // npm passes its config (e.g. nodedir=/usr for Node's headers) to node-gyp; none of it applies to Electron.
  for (const name of Object.keys(env)) if (/^npm_config_/i.test(name)) delete env[name];
  const result = spawnSync(process.execPath, [script, ...args], { cwd, env, encoding: 'utf8', timeout });
  const tool = relative(root, script).split(sep).slice(-3).join('/');
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error.message}\n` : ''}`;
  writeFileSync(logFile, `\n$ ${tool} ${args.join(' ')}\n${output}exit ${result.status}\n`, { flag: 'a' });
  return { ok: result.status === 0, output };
}

/** The one line a person needs: why it failed and what to do. */
function explain(logText, runtime, version) {
  const what = `Could not build the database module for ${runtime === 'electron' ? 'Electron' : runtime} ${version}`;
  if (
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo|socket hang up|network/i.test(logText)
  ) {
    return `${what}: its headers could not be downloaded (no internet?). Connect once and run \`npm start\` again`;
  }
  if (/find Python|python.*not found/i.test(logText))
    return `${what}: Python 3 is missing (node-gyp needs it)`;
  if (/Visual Studio|MSBuild|msvs/i.test(logText)) {
    return `${what}: install Visual Studio Build Tools with "Desktop development with C++"`;
  }
  if (/not found: make|make: not found|g\+\+: (command )?not found|c\+\+: not found/i.test(logText)) {
    return `${what}: a C++ toolchain is missing (on Debian/Ubuntu: apt-get install build-essential python3)`;
  }
  return `${what}: node-gyp failed`;
}

const MAGIC = { linux: [0x7f, 0x45, 0x4c, 0x46], win32: [0x4d, 0x5a], darwin: null };

/** A cheap sanity check that the file is a native library for this platform (ELF, PE or Mach-O). */
function checkBinary(file, platform) {
  const head = readFileSync(file).subarray(0, 4);
  const magic = MAGIC[platform];
  const ok = magic ? magic.every((byte, i) => head[i] === byte) : [0xcf, 0xca, 0xfe].includes(head[0]);
  if (!ok) throw new NativeBuildError(`${relative(root, file)} is not a ${platform} native library`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const archArg = args.find((a) => a.startsWith('--arch='));
  const unknown = args.filter((a) => a !== '--force' && a !== archArg);
  if (unknown.length > 0) {
    console.error(
      `prepare-electron-native: unknown option ${unknown.join(' ')} (use --force, --arch=x64|arm64|ia32)`,
    );
    process.exit(2);
  }
  try {
    prepareElectronNative({
      force: args.includes('--force'),
      ...(archArg ? { arch: archArg.slice(7) } : {}),
    });
  } catch (error) {
    console.error(
      error instanceof NativeBuildError
        ? error.message
        : `prepare-electron-native: ${error?.message ?? error}`,
    );
    process.exit(1);
  }
}
