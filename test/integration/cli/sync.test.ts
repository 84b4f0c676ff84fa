// `caredesk sync enrol | push | status` against the real server (PGlite on 127.0.0.1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeFacility } from '../../../src-server/facilities';
import { cli } from '../../support/cli';
import { startServer, type RunningServer } from '../sync/support';

process.env.CAREDESK_NO_KEYCHAIN = '1';
const env = { CAREDESK_PASSWORD: 'a long enough password' };

describe('caredesk sync', () => {
  let server: RunningServer;
  let data: string;
  const as = (...argv: string[]) => cli([...argv, '--data-dir', data, '--user', 'fatoumata'], env);
  beforeAll(async () => {
    server = await startServer();
    data = join(mkdtempSync(join(tmpdir(), 'caredesk-cli-sync-')), 'data');
    const init = await cli(
      [
        'init',
        '--data-dir',
        data,
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
      env,
    );
    expect(init.code, init.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (data) rmSync(join(data, '..'), { recursive: true, force: true });
  });

  it('before enrolment: status says so and push fails with exit code 4', async () => {
    const status = await as('sync', 'status', '--json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ enrolled: false, serverUrl: null });
    const push = await as('sync', 'push', '--json');
    expect(push.code).toBe(4);
    expect(JSON.parse(push.stdout).error).toMatch(/not enrolled/);
  }, 60_000);

  it('a wrong code or address is one plain line and a non-zero exit', async () => {
    const wrong = await as('sync', 'enrol', '--server', server.url, '--code', 'not-the-code');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^caredesk sync enrol: Enrolment failed: /);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    const badUrl = await as('sync', 'enrol', '--server', 'ftp://district', '--code', 'abcdefgh');
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).not.toMatch(/ZodError|at \w+ \(/);
    const missing = await cli(['sync', 'enrol', '--data-dir', data, '--user', 'fatoumata'], env);
    expect(missing.code).not.toBe(0);
  }, 60_000);

  it('enrols, pushes everything, reports it; a revoked credential makes push exit 4', async () => {
    const code = await server.newFacility('BKT-7');
    const enrol = await as('sync', 'enrol', '--server', server.url, '--code', code);
    expect(enrol.code, enrol.stderr).toBe(0);
    expect(enrol.stdout).toMatch(/Enrolled as .*\(BKT-7\); credential kept in the encrypted database/);

    const once = await as('sync', 'push', '--once', '--json');
    expect(once.code, once.stderr).toBe(0);
    expect(JSON.parse(once.stdout)).toMatchObject({ batches: 1, error: null });
    const push = await as('sync', 'push', '--json');
    expect(push.code).toBe(0);
    expect(JSON.parse(push.stdout)).toMatchObject({ waiting: 0, error: null });

    const status = JSON.parse((await as('sync', 'status', '--json')).stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ enrolled: true, waiting: 0, credentialStore: 'database' });
    expect(status.lastPushAt).not.toBeNull();

    await revokeFacility(server.open.db, 'BKT-7');
    const text = await as('sync', 'status');
    expect(text.stdout).toMatch(/Waiting: +0/);
    // The enrolment and sign-ins moved the audit head: the next push has something to send, and is refused.
    const refused = await as('sync', 'push');
    expect(refused.code).toBe(4);
    expect(refused.stdout).toMatch(/revoked/);
  }, 120_000);
});
