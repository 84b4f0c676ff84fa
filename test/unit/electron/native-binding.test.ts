import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding, nativeBindingDir } from '../../../src-main/app/native-binding';
// @ts-expect-error -- a plain .mjs script without type declarations
import * as prepare from '../../../scripts/prepare-electron-native.mjs';

describe('Electron native binding location', () => {
  it('names the folder by Electron version, platform and arch — the same way the prepare script does', () => {
    expect(nativeBindingDir('45.4.1', 'win32', 'x64')).toBe('electron-45.4.1-win32-x64');
    const fromScript = (prepare as { nativeBindingDir: typeof nativeBindingDir }).nativeBindingDir;
    expect(fromScript('45.4.1', 'linux', 'arm64')).toBe(nativeBindingDir('45.4.1', 'linux', 'arm64'));
  });

  it('finds the binding beside the app in development', () => {
    expect(electronNativeBinding('/src/caredesk', '45.4.1', 'linux', 'x64')).toBe(
      join('/src/caredesk', 'native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node'),
    );
  });

  it('points into app.asar.unpacked when packaged (native code cannot load from inside the archive)', () => {
    const root = join('/opt/CareDesk/resources', 'app.asar');
    expect(electronNativeBinding(root, '45.4.1', 'linux', 'x64')).toBe(
      join(
        '/opt/CareDesk/resources',
        'app.asar.unpacked',
        'native',
        'electron-45.4.1-linux-x64',
        'better_sqlite3.node',
      ),
    );
  });
});
