import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, contentTypeOf, isAppUrl, resolveAppFile } from '../../../src-main/app/app-files';

const root = resolve('/opt/caredesk/out/renderer');

describe('app:// origin and files', () => {
  it('serves the entry page and assets from the renderer folder', () => {
    expect(resolveAppFile(root, APP_ENTRY_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://caredesk/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://caredesk/assets/index-abc.js?v=1#x')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(root, 'app://caredesk/fonts/Noto%20Sans.woff2')).toBe(
      join(root, 'fonts', 'Noto Sans.woff2'),
    );
  });

  it('never serves a file outside the renderer folder', () => {
    const attempts = [
      'app://caredesk/../../etc/passwd',
      'app://caredesk/%2e%2e/%2e%2e/etc/passwd',
      'app://caredesk/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fvault.json',
      'app://caredesk/..%5c..%5cvault.json',
      'app://caredesk/%00index.html',
      'app://caredesk/%E0%A4%A',
    ];
    for (const url of attempts) {
      const file = resolveAppFile(root, url);
      if (file !== null) expect(file.startsWith(`${root}/`) || file.startsWith(`${root}\\`)).toBe(true);
    }
    // The URL parser already clamps dot segments at the root; what remains is still inside the folder.
    expect(resolveAppFile(root, 'app://caredesk/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppFile(root, 'app://caredesk/assets/%2e%2e%2f%2e%2e%2fvault.json')).toBeNull();
    expect(resolveAppFile(root, 'app://caredesk/%00index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://caredesk/%E0%A4%A')).toBeNull();
  });

  it('accepts only our scheme and host, without credentials or port', () => {
    expect(isAppUrl('app://caredesk/index.html')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'app://caredesk.evil/index.html',
      'app://user:pw@caredesk/index.html',
      'app://caredesk:8080/index.html',
      'https://caredesk/index.html',
      'file:///opt/caredesk/out/renderer/index.html',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('sends the right content types (module scripts need text/javascript)', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/x.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a/x.unknown')).toBe('application/octet-stream');
  });
});
