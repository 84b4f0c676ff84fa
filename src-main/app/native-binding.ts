import { join } from 'node:path';

/**
 * Where the Electron build of better-sqlite3 lives (issue 2, item 2): Node's build stays in node_modules for
 * tests and the CLI, Electron's goes to `native/electron-<version>-<platform>-<arch>/`, so `npm start` and
 * `npm test` never break each other. scripts/prepare-electron-native.mjs writes the same folder name.
 */
export function nativeBindingDir(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

/**
 * Path of the Electron native binding under the app root. Inside a package the root is `app.asar`; native
 * modules cannot be loaded from inside the archive, so electron-builder unpacks *.node beside it.
 */
export function electronNativeBinding(
  appRoot: string,
  electronVersion: string,
  platform: string,
  arch: string,
): string {
  const file = join(
    appRoot,
    'native',
    nativeBindingDir(electronVersion, platform, arch),
    'better_sqlite3.node',
  );
  return file.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
}
