import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/core';
import { silentLogger } from '../../../src-main/core/log';
import { FLOOR_KDF } from '../../../src-main/security/kdf';
import { backoffMs, LoginThrottle, MAX_FAILURES_PER_HOUR } from '../../../src-main/security/throttle';
import { ADMIN, unwrap } from '../../support/core';
import { auditActions, facilityWithAdmin } from './support';

const WRONG = { code: 'UNAUTHENTICATED', message: 'Username or password is incorrect.' };

describe('sign-in throttle', () => {
  let fixture: Awaited<ReturnType<typeof facilityWithAdmin>> | undefined;
  afterEach(() => fixture?.core.dispose());

  it('backs off per account after 5 failures, survives a restart, and audits every failure once the database opens', async () => {
    fixture = await facilityWithAdmin();
    fixture.core.close();
    let now = Date.parse('2026-03-02T08:00:00Z');
    const start = () =>
      createCore({
        dataDir: fixture!.core.dataDir,
        kdf: FLOOR_KDF,
        logger: silentLogger,
        clock: () => new Date(now),
      });
    let core = start();
    for (let i = 0; i < 5; i++) {
      expect(
        await core.call('w', 'auth.login', { username: ADMIN.username, password: `wrong ${i}` }),
      ).toMatchObject(WRONG);
    }
    for (let i = 0; i < 2; i++) {
      expect(await core.call('w', 'auth.login', { username: 'nobody', password: 'x' })).toMatchObject(WRONG);
    }
    // After five failures a wait grows before each next attempt, even one with the right password.
    const first = await core.call('w', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(first).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    if (!first.ok)
      expect(first.message).toBe('Too many failed attempts for this account. Try again in 1 second.');
    now += 1000;
    expect(
      await core.call('w', 'auth.login', { username: ADMIN.username, password: 'wrong 5' }),
    ).toMatchObject(WRONG);
    const refused = await core.call('w', 'auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/Try again in 2 seconds/);
    core.close();
    const throttle = readFileSync(join(fixture.core.dataDir, 'throttle.json'), 'utf8');
    expect(throttle).not.toContain(ADMIN.username);
    expect(throttle).not.toContain('nobody');

    core = start(); // restart: the back-off is remembered
    expect(
      await core.call('w', 'auth.login', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({
      code: 'RATE_LIMITED',
    });
    now += 2000;
    unwrap(await core.call('w', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
    const rows = auditActions(core).filter((r) => r.action === 'login.failed');
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.user_id !== null)).toHaveLength(9);
    expect(rows.filter((r) => r.detail?.includes('unknown username'))).toHaveLength(2);
    expect(rows.filter((r) => r.detail?.includes('refused: too many failures'))).toHaveLength(3);
    expect(rows.every((r) => r.detail?.includes('before the database was open'))).toBe(true);
    // Success clears the account's count; an unknown name has its own, so nothing tells accounts apart.
    expect(
      await core.call('w2', 'auth.login', { username: ADMIN.username, password: 'wrong again' }),
    ).toMatchObject(WRONG);
    core.close();
  });

  it('grows exponentially and never allows more than 100 failures an hour', () => {
    expect([1, 4, 5, 6, 7, 10].map(backoffMs)).toEqual([0, 0, 1000, 2000, 4000, 32000]);
    expect(backoffMs(40)).toBe(15 * 60 * 1000);
    let total = 0;
    let failures = 0;
    for (let t = 0; t < 3600_000; failures++) {
      t += backoffMs(failures + 1);
      total++;
    }
    expect(total).toBeLessThanOrEqual(MAX_FAILURES_PER_HOUR);
  });
});

describe('throttle and the clock', () => {
  it('a clock set back after failures never makes the wait longer than the maximum back-off from now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-throttle-'));
    try {
      let now = Date.parse('2026-03-09T08:00:00Z');
      const throttle = new LoginThrottle(join(dir, 'throttle.json'), () => new Date(now));
      for (let i = 0; i < 120; i++) throttle.fail('account', true);
      now -= 3 * 24 * 3600_000; // someone sets the PC's clock back three days
      const verdict = throttle.check('account');
      expect(verdict.allowed).toBe(false);
      if (!verdict.allowed) expect(verdict.waitSeconds).toBeLessThanOrEqual(60 * 60);
      // The cap holds after a restart, and the wait ends when it says.
      now += 60 * 60 * 1000 + 1000;
      const reloaded = new LoginThrottle(join(dir, 'throttle.json'), () => new Date(now));
      expect(reloaded.check('account')).toEqual({ allowed: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('throttle file limits', () => {
  it('a flood of made-up usernames cannot evict a real account’s back-off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-throttle-'));
    try {
      const now = Date.now();
      const throttle = new LoginThrottle(join(dir, 'throttle.json'), () => new Date(now));
      for (let i = 0; i < 7; i++) throttle.fail('real-account', true);
      for (let i = 0; i < 1200; i++) throttle.fail(`made-up-${i}`, true);
      expect(throttle.failuresOf('real-account')).toBe(7);
      expect(throttle.check('real-account').allowed).toBe(false);
      const reloaded = new LoginThrottle(join(dir, 'throttle.json'), () => new Date(now));
      expect(reloaded.failuresOf('real-account')).toBe(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
