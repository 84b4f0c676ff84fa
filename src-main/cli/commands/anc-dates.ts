import { parseArgs } from 'node:util';
import {
  ClinicalInputError,
  ancScheduleState,
  eddFromLmp,
  formatGestationalAge,
  gestationalAgeDays,
  localDate,
} from '../../../shared/clinical';
import type { AncContact } from '../../../shared/clinical';
import { CliError } from '../command';
import type { CliCommand } from '../command';

const HELP = `Usage: caredesk anc-dates --lmp YYYY-MM-DD [--on YYYY-MM-DD] [--json]

Pregnancy dates from the last menstrual period (WHO 2016 ANC model): EDD by Naegele's rule (LMP + 280 days),
gestational age on --on (default: today) in days and as "Nw Nd", the 8 contacts at 12 (at the latest), 20, 26,
30, 34, 36, 38 and 40 weeks with their target dates, and the next contact (the first whose week has not ended).
--json prints {"edd","gestationalAgeDays","gestationalAge","contacts":[{"number","week","date"}],"nextContact"}.

An LMP after --on or more than 44 weeks before it is refused: one line, exit code 2.`;

const OPTIONS = {
  lmp: { type: 'string' },
  on: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface AncDatesResult {
  edd: string;
  gestationalAgeDays: number;
  gestationalAge: string;
  contacts: AncContact[];
  nextContact: AncContact | null;
}

/** The command's figures, from the same engine functions the forms use. */
export function ancDates(lmp: string, on: string): AncDatesResult {
  const days = gestationalAgeDays(lmp, on);
  const state = ancScheduleState({ lmp, on });
  return {
    edd: eddFromLmp(lmp),
    gestationalAgeDays: days,
    gestationalAge: formatGestationalAge(days),
    contacts: state.contacts.map(({ number, week, date }) => ({ number, week, date })),
    nextContact: state.nextContact,
  };
}

function textReport(lmp: string, on: string, r: AncDatesResult): string {
  const next = r.nextContact;
  return [
    `LMP:              ${lmp}`,
    `EDD:              ${r.edd} (LMP + 280 days)`,
    `Gestational age:  ${r.gestationalAge} (${r.gestationalAgeDays} days) on ${on}`,
    'Contacts:',
    ...r.contacts.map(
      (c) =>
        `  ${c.number}  ${c.number === 1 ? '<=' : '  '}${String(c.week).padStart(2)} weeks  ${c.date}` +
        (next?.number === c.number ? '  <- next' : ''),
    ),
    `Next contact:     ${next ? `contact ${next.number} at ${next.week} weeks, ${next.date}` : 'none (past 40 weeks)'}`,
    '',
  ].join('\n');
}

export const ancDatesCommand: CliCommand = {
  name: 'anc-dates',
  summary: 'EDD, gestational age and the 8 ANC contact dates from an LMP.',
  help: HELP,
  async run(argv, io) {
    let values: { lmp?: string; on?: string; json?: boolean; help?: boolean };
    try {
      values = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }).values;
    } catch (error) {
      throw new CliError(
        `${(error instanceof Error ? error.message : String(error)).replace(/\.?$/, '.')} See --help.`,
      );
    }
    if (values.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    if (!values.lmp?.trim()) throw new CliError('--lmp is required (see --help).');
    const lmp = values.lmp.trim();
    const on = values.on?.trim() || localDate(new Date());
    let result: AncDatesResult;
    try {
      result = ancDates(lmp, on);
    } catch (error) {
      if (error instanceof ClinicalInputError) {
        if (error.code === 'future-date') throw new CliError(`--lmp ${lmp} is after ${on}.`);
        if (error.code === 'out-of-range')
          throw new CliError(`--lmp ${lmp} is more than 44 weeks before ${on}.`);
        throw new CliError(`${error.field === 'on' ? '--on' : '--lmp'}: ${error.message}`);
      }
      throw error;
    }
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : textReport(lmp, on, result));
    return 0;
  },
};
