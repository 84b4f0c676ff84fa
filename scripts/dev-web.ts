/**
 * `npm run dev:web [-- --data-dir DIR] [--port N] [--no-watch]`: the CareDesk UI in a browser against the real
 * core and a real encrypted database (default ./.dev-data), for development. Builds the web renderer (and
 * rebuilds on change unless --no-watch), starts the loopback test host, prints the URL with its per-run token.
 * Reload the browser tab after a rebuild. Never part of the packaged app.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Rollup } from 'vite';
import { startHttpHost } from '../test/host/http-host';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: resolve(root, '.dev-data') },
    port: { type: 'string', default: '0' },
    'no-watch': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run dev:web -- [--data-dir DIR] [--port N] [--no-watch]');
  process.exit(0);
}
const dataDir = resolve(values['data-dir']);
const staticDir = resolve(root, 'out/renderer-web');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(1);
}

const watch = !values['no-watch'];
const output = await build({
  configFile: resolve(root, 'vite.config.ts'),
  mode: 'web',
  logLevel: 'warn',
  build: watch ? { watch: {} } : {},
});
if (watch) await firstBuild(output as Rollup.RollupWatcher);

const host = await startHttpHost({ dataDir, staticDir, port });
console.log(`\nCareDesk (browser test host) — data in ${dataDir}`);
console.log(`Open: ${host.url}`);
console.log(watch ? 'Rebuilds on change; reload the tab. Ctrl+C to stop.\n' : 'Ctrl+C to stop.\n');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (watch) await (output as Rollup.RollupWatcher).close();
  await host.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

function firstBuild(watcher: Rollup.RollupWatcher): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    watcher.on('event', (event) => {
      if (event.code === 'END') {
        console.log(`[${new Date().toLocaleTimeString()}] web renderer built`);
        resolvePromise();
      } else if (event.code === 'ERROR') {
        console.error(`build failed: ${event.error.message}`);
        reject(event.error);
      }
    });
  });
}
