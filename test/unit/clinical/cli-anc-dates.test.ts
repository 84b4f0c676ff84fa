import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src-main/cli/command';
import { ancDatesCommand } from '../../../src-main/cli/commands/anc-dates';
import { fakeIO } from './cli-io';

describe('caredesk anc-dates', () => {
  it('prints the documented JSON (EDD across a leap day)', async () => {
    const io = fakeIO();
    expect(await ancDatesCommand.run(['--lmp', '2023-05-25', '--on', '2023-09-01', '--json'], io)).toBe(0);
    const json = JSON.parse(io.out()) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'edd',
      'gestationalAgeDays',
      'gestationalAge',
      'contacts',
      'nextContact',
    ]);
    expect(json).toMatchObject({ edd: '2024-02-29', gestationalAgeDays: 99, gestationalAge: '14w 1d' });
    expect(json.contacts).toHaveLength(8);
    expect((json.contacts as unknown[])[0]).toEqual({ number: 1, week: 12, date: '2023-08-17' });
    expect(json.nextContact).toEqual({ number: 2, week: 20, date: '2023-10-12' });
  });

  it('crosses the year end', async () => {
    const io = fakeIO();
    await ancDatesCommand.run(['--lmp', '2024-03-27', '--on', '2024-12-31', '--json'], io);
    expect(JSON.parse(io.out())).toMatchObject({
      edd: '2025-01-01',
      gestationalAge: '39w 6d',
      nextContact: { number: 8 },
    });
  });

  it('prints readable text', async () => {
    const io = fakeIO();
    await ancDatesCommand.run(['--lmp', '2024-01-01', '--on', '2024-03-31'], io);
    expect(io.out()).toContain('EDD:              2024-10-07');
    expect(io.out()).toContain('12w 6d');
    expect(io.out()).toMatch(/Next contact: +contact 1 at 12 weeks, 2024-03-25/);
  });

  it.each([
    [['--lmp', '2024-02-30'], /--lmp.*real date/],
    [['--lmp', '2024-05-02', '--on', '2024-05-01'], /is after 2024-05-01/],
    [['--lmp', '2023-04-27', '--on', '2024-03-01'], /more than 44 weeks/],
    [['--on', '2024-03-01'], /--lmp is required/],
    [['--lmp', '2024-01-01', '--on', '2024-13-01'], /--on/],
    [['--lmp', '2024-01-01', 'extra'], /See --help/],
  ])('refuses %o with exit code 2', async (argv, message) => {
    const error = await ancDatesCommand.run(argv, fakeIO()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(message);
  });
});
