// `npm run build`: esbuild bundles the Node side (Electron main, preload, core worker, CLI) into CommonJS
// under out/, then Vite builds the renderer. `--renderer-only` builds just the web renderer (out/renderer-web)
// for the browser test host; `--no-renderer` skips Vite.
import { build as esbuild } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { runInNewContext } from 'node:vm';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Native modules stay outside the bundles: they are loaded from node_modules (or native/ for Electron). */
const NATIVE = ['better-sqlite3', '@node-rs/argon2', 'sharp'];
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Each Node-side bundle, and which external imports it may keep (anything else fails the build). */
const TARGETS = [
  {
    name: 'main',
    entry: 'src-main/index.ts',
    out: 'out/main/index.cjs',
    external: ['electron'],
    allow: ['electron'],
  },
  {
    // Sandboxed preload: Electron lets it require only 'electron', so nothing else may remain outside.
    name: 'preload',
    entry: 'src-main/app/preload/index.ts',
    out: 'out/main/preload.cjs',
    external: ['electron'],
    allow: ['electron'],
    noBuiltins: true,
    contractNames: true,
  },
  {
    name: 'core worker',
    entry: 'src-main/core/worker.ts',
    out: 'out/main/core-worker.cjs',
    external: NATIVE,
    allow: NATIVE,
  },
  {
    name: 'cli',
    entry: 'src-main/cli/main.ts',
    out: 'out/cli/caredesk.cjs',
    external: NATIVE,
    allow: NATIVE,
    optional: true,
  },
];

/** Builds one Node-side bundle (by name: main, preload, core worker, cli) to another file; used by tests. */
export async function buildTarget(name, out) {
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new BuildError(`no bundle named ${name}`);
  await bundle({ ...target, out });
}

/** Code written as ESM may ask for import.meta.url; in a CommonJS bundle it is the bundle file's URL. */
const IMPORT_META_SHIM = {
  define: { 'import.meta.url': '__caredeskImportMetaUrl' },
  banner: { js: "var __caredeskImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** Builds the Node-side bundles; returns a line per bundle with its size. */
export async function buildNode({ log = console.log } = {}) {
  rmSync(join(root, 'out/main'), { recursive: true, force: true });
  rmSync(join(root, 'out/cli'), { recursive: true, force: true });
  const targets = TARGETS.filter((t) => {
    if (existsSync(join(root, t.entry))) return true;
    if (!t.optional) throw new BuildError(`${t.entry} is missing`);
    log(`skip  ${t.name}: ${t.entry} does not exist yet`);
    return false;
  });
  const results = await Promise.all(targets.map((t) => bundle(t)));
  for (const { target, bytes } of results) log(`built ${target.out} (${kib(bytes)})`);
}

async function bundle(target) {
  const plugins = target.contractNames ? [await contractNamesPlugin()] : [];
  const result = await esbuild({
    plugins,
    absWorkingDir: root,
    entryPoints: [target.entry],
    outfile: target.out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 45's Node is newer than 20; the CLI and tests run on Node >= 20.19.
    target: 'node20',
    external: target.external,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"', ...(target.noBuiltins ? {} : IMPORT_META_SHIM.define) },
    ...(target.noBuiltins ? {} : { banner: IMPORT_META_SHIM.banner }),
  });
  checkExternals(target, result.metafile);
  if (target.noBuiltins) checkOnlyRequiresElectron(target);
  return { target, bytes: statSync(resolve(root, target.out)).size };
}

/**
 * The preload needs only the contract's channel and event names. This evaluates preload/names.ts (the contract
 * with zod) here, at build time, and gives the preload a module of two literal lists instead.
 */
async function contractNamesPlugin() {
  const { outputFiles } = await esbuild({
    absWorkingDir: root,
    entryPoints: ['src-main/app/preload/names.ts'],
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'cjs',
    logLevel: 'warning',
  });
  const module = { exports: {} };
  runInNewContext(outputFiles[0].text, { module, exports: module.exports });
  const { CHANNEL_NAMES, EVENT_NAMES } = module.exports;
  if (!Array.isArray(CHANNEL_NAMES) || CHANNEL_NAMES.length === 0 || !Array.isArray(EVENT_NAMES)) {
    throw new BuildError('could not read the channel names from the contract');
  }
  const source =
    `export const CHANNEL_NAMES = ${JSON.stringify(CHANNEL_NAMES)};\n` +
    `export const EVENT_NAMES = ${JSON.stringify(EVENT_NAMES)};\n`;
  return {
    name: 'caredesk-contract-names',
    setup(build) {
      build.onResolve({ filter: /^\.\/names$/ }, (args) =>
        args.importer.endsWith(join('preload', 'index.ts'))
          ? { path: 'contract-names', namespace: 'caredesk' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'caredesk' }, () => ({ contents: source, loader: 'js' }));
    },
  };
}

/** A bundle that would require something unexpected at run time fails now, not on a user's PC. */
function checkExternals(target, metafile) {
  const key = relative(root, resolve(root, target.out)).split(sep).join('/');
  const output = metafile.outputs[key];
  if (!output) throw new BuildError(`esbuild did not report ${target.out}`);
  const external = (output?.imports ?? []).filter((i) => i.external).map((i) => i.path);
  const refused = external.filter((path) => {
    if (target.allow.some((name) => path === name || path.startsWith(`${name}/`))) return false;
    return target.noBuiltins || !NODE_BUILTINS.has(path);
  });
  if (refused.length > 0) {
    throw new BuildError(`${target.out} would require ${[...new Set(refused)].join(', ')} at run time`);
  }
}

/** The sandboxed preload can require 'electron' and nothing else: check the emitted text itself. */
function checkOnlyRequiresElectron(target) {
  const text = readFileSync(resolve(root, target.out), 'utf8');
  const required = [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const refused = required.filter((name) => name !== 'electron');
  if (refused.length > 0)
    throw new BuildError(`${target.out} would require ${refused.join(', ')} in the sandbox`);
}

/** Vite builds the renderer; vite.config.ts sets the out folder by mode (out/renderer, out/renderer-web). */
export function buildRenderer({ web = false, log = console.log } = {}) {
  if (!existsSync(join(root, 'vite.config.ts'))) throw new BuildError('vite.config.ts is missing');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const args = [
    vite,
    'build',
    '--config',
    'vite.config.ts',
    '--logLevel',
    'warn',
    ...(web ? ['--mode', 'web'] : []),
  ];
  const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) throw new BuildError(`vite build${web ? ' --mode web' : ''} failed (see above)`);
  log(`built ${web ? 'out/renderer-web' : 'out/renderer'} (vite${web ? ', mode web' : ''})`);
}

export async function buildAll({ rendererOnly = false, renderer = true, log = console.log } = {}) {
  const started = performance.now();
  if (rendererOnly) {
    buildRenderer({ web: true, log });
  } else {
    await buildNode({ log });
    if (renderer) buildRenderer({ log });
  }
  log(`build done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export class BuildError extends Error {}

/** esbuild and Vite print their own diagnostics; this is the one line that ends a failed build. */
export function describeBuildFailure(error) {
  if (error instanceof BuildError) return error.message;
  const esbuildErrors = Array.isArray(error?.errors) ? error.errors.length : 0;
  if (esbuildErrors > 0) return `esbuild reported ${esbuildErrors} error(s), shown above`;
  return error?.message ?? String(error);
}

const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2));
  const known = new Set(['--renderer-only', '--no-renderer']);
  const unknown = [...args].filter((a) => !known.has(a));
  if (unknown.length > 0) {
    console.error(`build: unknown option ${unknown.join(' ')} (use --renderer-only or --no-renderer)`);
    process.exit(2);
  }
  buildAll({ rendererOnly: args.has('--renderer-only'), renderer: !args.has('--no-renderer') }).catch(
    (error) => {
      console.error(`build failed: ${describeBuildFailure(error)}`);
      process.exit(1);
    },
  );
}
