import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../src-main/ipc/sender';

const windows = new Set([3]);
const main = { url: 'app://caredesk/index.html#/home', isMainFrame: true };

describe('IPC sender check', () => {
  it('accepts the main frame of our window showing our app', () => {
    expect(refusalOf({ webContentsId: 3, frame: main }, windows)).toBeNull();
  });

  it('refuses other windows, sub-frames, vanished frames and other origins', () => {
    expect(refusalOf({ webContentsId: 4, frame: main }, windows)).toBe('unknown-window');
    expect(refusalOf({ webContentsId: 3, frame: null }, windows)).toBe('no-frame');
    expect(refusalOf({ webContentsId: 3, frame: { ...main, isMainFrame: false } }, windows)).toBe(
      'sub-frame',
    );
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://other/index.html',
      'about:blank',
    ]) {
      expect(refusalOf({ webContentsId: 3, frame: { url, isMainFrame: true } }, windows), url).toBe(
        'foreign-origin',
      );
    }
  });
});
