import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, setUpFacility, tempCore, unwrap } from '../../support/core';
import { cli } from '../../support/cli';

const PASSWORD = 'manager password 2026';
const dirs: ReturnType<typeof tempCore>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

async function facilityWithManager(): Promise<string> {
  const core = tempCore();
  dirs.push(core);
  await setUpFacility(core, 'admin');
  unwrap(await core.call('admin', 'auth.confirmPassword', { password: ADMIN.password }));
  const created = unwrap(
    await core.call('admin', 'users.create', { username: 'mariam', fullName: 'Mariam Sow', role: 'manager' }),
  );
  unwrap(await core.call('m', 'auth.login', { username: 'mariam', password: created.temporaryPassword }));
  unwrap(
    await core.call('m', 'auth.changePassword', {
      currentPassword: created.temporaryPassword,
      newPassword: PASSWORD,
    }),
  );
  core.close();
  return core.dataDir;
}

const as = (dataDir: string, ...argv: string[]) =>
  cli([...argv, '--data-dir', dataDir, '--user', 'mariam'], { CAREDESK_PASSWORD: PASSWORD });

describe('caredesk report', () => {
  // Seven sign-ins with the real key derivation: slow on a shared 2-core machine.
  it(
    'writes JSON, CSV and PDF reports, refuses bad options in one line, and freezes a month once',
    { timeout: 120_000 },
    async () => {
      const dir = await facilityWithManager();
      const json = join(dir, 'otp.json');
      expect(
        await as(dir, 'report', 'cmam', '--month', '2025-01', '--format', 'json', '--out', json),
      ).toMatchObject({
        code: 0,
      });
      const r = JSON.parse(readFileSync(json, 'utf8')) as { report: string; tables: { id: string }[] };
      expect(r.report).toBe('cmam-OTP');
      expect(r.tables.map((t) => t.id)).toEqual(['cmam', 'indicators']);

      const csv = join(dir, 'visits.csv');
      expect(
        (await as(dir, 'report', 'visits', '--month', '2025-01', '--format', 'csv', '--out', csv)).code,
      ).toBe(0);
      expect(readFileSync(csv, 'utf8').startsWith('\uFEFFVisits by type,Total,Male')).toBe(true);

      const pdf = join(dir, 'sc.pdf');
      const printed = await as(
        dir,
        'report',
        'cmam',
        '--programme',
        'sc',
        '--month',
        '2025-01',
        '--format',
        'pdf',
        '--out',
        pdf,
      );
      expect(printed.code).toBe(0);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Kissidougou Health Centre');
      expect(text).toContain('January 2025');
      expect(text).toContain('stabilisation centre (SC)');

      const bad = await as(
        dir,
        'report',
        'cmam',
        '--programme',
        'xyz',
        '--month',
        '2025-01',
        '--format',
        'pdf',
        '--out',
        pdf,
      );
      expect(bad).toMatchObject({ code: 2 });
      expect(bad.stderr).toContain('--programme must be otp, sc or tsfp');
      const month = await as(dir, 'report', 'anc', '--month', 'March', '--format', 'json', '--out', json);
      expect(month.code).toBe(2);
      expect(month.stderr).toMatch(/YYYY-MM/);

      const frozen = await as(dir, 'report', 'freeze', '--month', '2025-01');
      expect(frozen).toMatchObject({ code: 0 });
      expect(frozen.stdout).toMatch(/^Froze 2025-01 at .* \(PDF sha256 [0-9a-f]{64}, audit rows \d+\)\.\n$/);
      const again = await as(dir, 'report', 'freeze', '--month', '2025-01');
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already frozen');
    },
  );
});
