import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli';

const PASSWORD = 'a long enough password';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caredesk-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const init = (dataDir: string) =>
  cli(
    [
      'init',
      '--data-dir',
      dataDir,
      '--facility-name',
      'Centre de Santé Bokéto',
      '--facility-code',
      'BKT-7',
      '--district',
      'Boké',
      '--country',
      'Guinée',
      '--admin-username',
      'fatoumata',
      '--admin-name',
      'Fatoumata Camara',
    ],
    { CAREDESK_PASSWORD: PASSWORD },
  );

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('caredesk init / status', () => {
  it('sets up a facility whose data folder reveals no names and no plain SQLite', async () => {
    const data = join(dir, 'data');
    const result = await init(data);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/RECOVERY CODE[\s\S]*[A-Z0-9]{5}-/);
    const files = filesUnder(data);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 15).toString('latin1'), file).not.toBe('SQLite format 3');
      for (const secret of ['Bokéto', 'Boké', 'fatoumata', 'Fatoumata', 'Camara', PASSWORD]) {
        expect(bytes.includes(Buffer.from(secret)), `${file} contains ${secret}`).toBe(false);
      }
    }
  });

  it('status signs in and reports schema, quick check and counts', async () => {
    const data = join(dir, 'data');
    await init(data);
    const result = await cli(['status', '--data-dir', data, '--user', 'fatoumata', '--json'], {
      CAREDESK_PASSWORD: PASSWORD,
    });
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status.quickCheck).toBe('ok');
    expect(status.schemaVersion).toBe(status.appSchemaVersion);
    expect(status.counts.users).toBe(1);
    expect(status.facility.name).toBe('Centre de Santé Bokéto');
  });

  it('a wrong password prints one clear line, exits non-zero and leaves the files untouched', async () => {
    const data = join(dir, 'data');
    await init(data);
    const before = filesUnder(data).map((f) => [f, readFileSync(f).toString('base64')]);
    const result = await cli(['status', '--data-dir', data, '--user', 'fatoumata'], {
      CAREDESK_PASSWORD: 'wrong password!',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe('caredesk status: Username or password is incorrect.\n');
    expect(result.stdout).toBe('');
    // Only the sign-in throttle (issue 4: failure counts survive a restart) is new; it names nobody.
    const after = filesUnder(data).filter((f) => !f.endsWith('throttle.json'));
    expect(after.map((f) => [f, readFileSync(f).toString('base64')])).toEqual(before);
    expect(readFileSync(join(data, 'throttle.json'), 'utf8')).not.toContain('fatoumata');
  });

  it('reads the password from standard input with --password-stdin', async () => {
    const data = join(dir, 'data');
    await init(data);
    const result = await cli(
      ['status', '--data-dir', data, '--user', 'fatoumata', '--password-stdin'],
      {},
      `${PASSWORD}\n`,
    );
    expect(result.code).toBe(0);
  });

  it('explains missing options, unknown options and unknown commands in one line', async () => {
    const missing = await cli(['init', '--data-dir', dir]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['status', '--bogus'])).stderr).toMatch(/Unknown option '--bogus'/);
    expect((await cli(['frobnicate'])).stderr).toMatch(/unknown command "frobnicate"/);
    const noFacility = await cli(['status', '--data-dir', dir, '--user', 'x'], { CAREDESK_PASSWORD: 'x' });
    expect(noFacility.stderr).toMatch(/no CareDesk facility/);
  });

  it('prints help for every command', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    const names = [...top.stdout.matchAll(/^ {2}(\S+(?: \S+)?)\s{2,}/gm)].map((m) => m[1]!);
    expect(names).toContain('init');
    for (const name of names) {
      const help = await cli([...name.split(' '), '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(/^Usage:\s+caredesk /);
    }
  });

  it('exits non-zero from a real process on a wrong password', async () => {
    const data = join(dir, 'data');
    await init(data);
    const run = promisify(execFile);
    const failure = await run(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'status', '--data-dir', data, '--user', 'fatoumata'],
      {
        env: { ...process.env, CAREDESK_PASSWORD: 'nope nope nope' },
      },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toBe('caredesk status: Username or password is incorrect.\n');
  });
});
