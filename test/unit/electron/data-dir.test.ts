import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirOverride } from '../../../src-main/app/data-dir';

describe('CAREDESK_DATA_DIR', () => {
  it('is honoured by development and E2E runs only, never by the installed app', () => {
    expect(dataDirOverride({ CAREDESK_DATA_DIR: 'tmp/e2e-data' }, false)).toBe(resolve('tmp/e2e-data'));
    expect(dataDirOverride({ CAREDESK_DATA_DIR: '/media/usb/caredesk' }, true)).toBeNull();
    expect(dataDirOverride({ CAREDESK_DATA_DIR: '  ' }, false)).toBeNull();
    expect(dataDirOverride({}, false)).toBeNull();
  });
});
