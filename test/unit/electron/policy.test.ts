import { describe, expect, it } from 'vitest';
import { isAllowedPermission, isAllowedRequest } from '../../../src-main/app/policy';
import { initialWindowSize } from '../../../src-main/app/window-size';

describe('session policy', () => {
  it('lets a window load only our own origin and inline data', () => {
    expect(isAllowedRequest('app://caredesk/assets/a.js', { devTools: false })).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', { devTools: false })).toBe(true);
    expect(isAllowedRequest('blob:app://caredesk/4f1c', { devTools: false })).toBe(true);
    for (const url of [
      'https://example.org/tracker.js',
      'http://127.0.0.1:8080/api',
      'ws://10.0.0.1/',
      'file:///C:/Users/nurse/AppData/Roaming/CareDesk/data/vault.json',
      'blob:https://evil/1',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedRequest(url, { devTools: false }), url).toBe(false);
    }
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', { devTools: true })).toBe(true);
  });

  it('refuses every web permission except writing text to the clipboard from our page', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'usb',
      'clipboard-read',
    ]) {
      expect(isAllowedPermission(permission, 'app://caredesk/index.html'), permission).toBe(false);
    }
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://caredesk/index.html')).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil/')).toBe(false);
  });
});

describe('first window size', () => {
  it('starts maximized on the common 1366×768 laptop and never asks for more than the screen', () => {
    const size = initialWindowSize({ width: 1366, height: 728 });
    expect(size).toEqual({ width: 1366, height: 728, minWidth: 1024, minHeight: 600, maximize: true });
  });

  it('opens a comfortable window on a large screen', () => {
    expect(initialWindowSize({ width: 1920, height: 1040 })).toEqual({
      width: 1366,
      height: 900,
      minWidth: 1024,
      minHeight: 600,
      maximize: false,
    });
  });

  it('keeps the minimum size within a very small screen', () => {
    const size = initialWindowSize({ width: 1000, height: 560 });
    expect(size.minWidth).toBeLessThanOrEqual(1000);
    expect(size.minHeight).toBeLessThanOrEqual(560);
  });
});
