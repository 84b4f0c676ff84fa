import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src-main/cli/command';
import { zscoreCommand } from '../../../src-main/cli/commands/zscore';
import { parseCsv } from '../../../src-main/cli/commands/zscore-rows';
import { fakeIO } from './cli-io';
import { FIXTURE } from './reference-cases';

const child = ['--sex', 'male', '--age-days', '400', '--length', '65', '--measured', 'lying'];

async function failure(argv: string[]): Promise<CliError> {
  const error = await zscoreCommand.run(argv, fakeIO()).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('caredesk zscore (one child)', () => {
  it('prints the documented JSON', async () => {
    const io = fakeIO();
    expect(await zscoreCommand.run([...child, '--weight', '5.6', '--muac', '112', '--json'], io)).toBe(0);
    const json = JSON.parse(io.out()) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'ageDays',
      'whz',
      'waz',
      'haz',
      'bmiz',
      'muacz',
      'lengthUsedCm',
      'table',
      'flags',
      'classification',
      'criteria',
    ]);
    expect(json).toMatchObject({
      ageDays: 400,
      whz: -3.3,
      lengthUsedCm: 65,
      table: 'wfl',
      classification: 'SAM',
    });
    expect(json.criteria).toEqual(['muac-sam', 'whz-sam']);
  });

  it('gives null with the reason in flags when a score cannot be computed', async () => {
    const io = fakeIO();
    await zscoreCommand.run([...child, '--weight', '6', '--oedema', '++', '--json'], io);
    const json = JSON.parse(io.out()) as { whz: unknown; waz: unknown; muacz: unknown; flags: string[] };
    expect([json.whz, json.waz, json.muacz]).toEqual([null, null, null]);
    expect(json.flags).toEqual(expect.arrayContaining(['oedema-no-weight-z', 'muac-missing']));
  });

  it('takes birth and visit dates instead of an age', async () => {
    const io = fakeIO();
    const argv = ['--sex', 'female', '--birth-date', '2022-02-28', '--date', '2024-02-29', '--weight', '9.1'];
    await zscoreCommand.run([...argv, '--length', '80', '--measured', 'standing', '--json'], io);
    expect(JSON.parse(io.out())).toMatchObject({ ageDays: 731, whz: -1.34, table: 'wfh', lengthUsedCm: 80 });
  });

  it('prints readable text without --json', async () => {
    const io = fakeIO();
    await zscoreCommand.run([...child, '--weight', '6.0'], io);
    expect(io.out()).toMatch(/Weight-for-length\/height \(WHZ\): +-2\.41\n/);
    expect(io.out()).toMatch(/Classification: +MAM \(WHZ -3 to < -2\)/);
  });

  it.each([
    [['--weight', 'abc'], /--weight "abc" is not a number/],
    [['--weight', '0.5'], /--weight must be more than 0.5/],
    [['--weight', '6', '--muac', '300'], /--muac must be at least 60 and at most 250 mm/],
    [['--weight', '6', '--oedema', 'yes'], /--oedema "yes" must be one of/],
  ])('refuses %o in one line with exit code 2', async (extra, message) => {
    const error = await failure([...child, ...extra]);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('refuses missing or conflicting options and unknown flags', async () => {
    expect(
      (await failure(['--sex', 'male', '--weight', '6', '--length', '65', '--measured', 'lying'])).message,
    ).toMatch(/--age-days/);
    expect((await failure([...child, '--weight', '6', '--date', '2024-01-01'])).message).toMatch(/not both/);
    expect((await failure([...child])).message).toMatch(/--weight is required/);
    expect((await failure([...child, '--weight', '6', '--bogus'])).message).toMatch(/bogus/);
    const future = ['--sex', 'male', '--birth-date', '2024-01-01', '--date', '2199-01-01', '--weight', '6'];
    expect((await failure([...future, '--length', '65', '--measured', 'lying'])).message).toMatch(
      /--date.*future/,
    );
  });

  it('prints its help', async () => {
    const io = fakeIO();
    expect(await zscoreCommand.run(['--help'], io)).toBe(0);
    expect(io.out()).toContain('caredesk zscore --input IN.csv');
    expect(io.out()).toContain('WHO Child Growth Standards, World Health Organization, 2006');
  });
});

describe('caredesk zscore --input (batch)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-zscore-'));

  it('adds the computed columns, keeps other columns and never stops on a bad row', async () => {
    const input = [
      'id,sex,age_days,weight_kg,lenhei_cm,measured,oedema,muac_mm,note',
      '1,male,400,6.0,65.0,l,n,112,"Smith, ""Jo"""',
      '2,2,,,80,lying,,,"line one',
      'line two"',
      '3,male,400,abc,65,lying,none,,bad weight',
      '4,female,,9.1,80,h,y,,',
      '5,male,1900,12,90,standing,none,,too old',
      '6,x,400,6,65,lying,none,,bad sex',
    ].join('\r\n');
    writeFileSync(join(dir, 'in.csv'), `${input}\r\n`);
    const io = fakeIO(dir);
    expect(await zscoreCommand.run(['--input', 'in.csv', '--out', 'out.csv'], io)).toBe(0);
    expect(io.out()).toMatch(/6 rows written to out\.csv; 2 with errors/);
    const text = readFileSync(join(dir, 'out.csv'), 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'id',
      'sex',
      'age_days',
      'weight_kg',
      'lenhei_cm',
      'measured',
      'oedema',
      'muac_mm',
      'note',
      'whz',
      'waz',
      'haz',
      'bmiz',
      'muacz',
      'flags',
      'classification',
    ]);
    const col = (row: string[] | undefined, name: string) => row?.[(header as string[]).indexOf(name)];
    expect(rows).toHaveLength(6);
    expect(col(rows[0], 'note')).toBe('Smith, "Jo"');
    expect([col(rows[0], 'whz'), col(rows[0], 'classification')]).toEqual(['-2.41', 'SAM']);
    expect(col(rows[1], 'note')).toBe('line one\r\nline two');
    expect(col(rows[1], 'flags')).toContain('age-unknown');
    expect(col(rows[2], 'flags')).toBe('error: weight_kg "abc" is not a number');
    expect(col(rows[2], 'whz')).toBe('');
    expect([col(rows[3], 'whz'), col(rows[3], 'classification')]).toEqual(['', 'SAM']);
    expect(col(rows[4], 'flags')).toContain('age-60-months-or-more');
    expect(col(rows[5], 'flags')).toMatch(/^error: sex "x" must be one of/);
  });

  it('reproduces the WHO reference cases and reads standard input', async () => {
    const io = fakeIO(dir, readFileSync(FIXTURE, 'utf8'));
    await zscoreCommand.run(['--input', '-'], io);
    const [header, ...rows] = parseCsv(io.out());
    const expected = parseCsv(readFileSync(FIXTURE, 'utf8')).slice(1);
    const at = (name: string) => (header as string[]).indexOf(name);
    expect(rows).toHaveLength(120);
    rows.forEach((row, i) => {
      // whz…muacz replace the reference's own columns of the same name, in place.
      for (const k of ['waz', 'haz', 'whz', 'bmiz', 'muacz']) {
        const want = expected[i]?.[at(k)] ?? '';
        const got = row[at(k)] ?? '';
        if (want === '') expect(got).toBe('');
        else expect(Math.abs(Number(got) - Number(want))).toBeLessThanOrEqual(0.01 + 1e-9);
      }
    });
  });

  it('refuses a missing file, a CSV without a sex column, and mixing with single-child options', async () => {
    expect((await failure(['--input', join(dir, 'nope.csv')])).message).toMatch(/cannot read .*ENOENT/);
    writeFileSync(join(dir, 'nosex.csv'), 'age_days,weight_kg\n400,6\n');
    expect((await failure(['--input', join(dir, 'nosex.csv')])).message).toMatch(/no "sex" column/);
    expect((await failure(['--input', join(dir, 'nosex.csv'), '--sex', 'male'])).message).toMatch(/drop/);
  });
});
