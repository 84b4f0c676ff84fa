import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ClinicalInputError, localDate, WHO_ATTRIBUTION } from '../../../shared/clinical';
import { CliError } from '../command';
import type { CliCommand, CliIO } from '../command';
import { FIELD_OPTIONS, OPTION_NAMES, explain, inputFrom, zscoreCsv, zscoreFor } from './zscore-rows';
import type { RawFields, ZscoreResult } from './zscore-rows';

const HELP = `Usage:
  caredesk zscore --sex male|female (--age-days N | --birth-date YYYY-MM-DD --date YYYY-MM-DD)
                  --weight KG --length CM --measured lying|standing
                  [--muac MM] [--oedema none|+|++|+++] [--json]
  caredesk zscore --input IN.csv [--out OUT.csv]

WHO Child Growth Standards z-scores (weight-for-length/height, weight-for-age, length/height-for-age,
BMI-for-age, MUAC-for-age) computed as WHO's anthro package does, and the SAM/MAM/normal classification.
--json prints {"ageDays","whz","waz","haz","bmiz","muacz","lengthUsedCm","table","flags","classification",
"criteria"}; a score that cannot be computed is null and the reason is in "flags".

Batch mode reads a CSV (header row; "-" = standard input) with the columns
  sex (male/female or 1/2), age_days (or birth_date and date), weight_kg, lenhei_cm,
  measured (lying/standing or l/h), oedema (none/+/++/+++ or n/y), muac_mm
(any may be empty; other columns are kept) and writes the same rows plus whz, waz, haz, bmiz, muacz, flags,
classification to --out (default: standard output). A bad row gets its reason in "flags"; the file goes on.

Invalid input prints one line and exits with code 2.
${WHO_ATTRIBUTION}.`;

const OPTIONS = {
  sex: { type: 'string' },
  'age-days': { type: 'string' },
  'birth-date': { type: 'string' },
  date: { type: 'string' },
  weight: { type: 'string' },
  length: { type: 'string' },
  measured: { type: 'string' },
  muac: { type: 'string' },
  oedema: { type: 'string' },
  json: { type: 'boolean' },
  input: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function runSingle(values: Record<string, string | boolean | undefined>, io: CliIO, today: string): number {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const need = (k: string) => {
    if (!str(k)?.trim()) throw new CliError(`--${k} is required (see --help).`);
  };
  need('sex');
  if (str('age-days') === undefined) {
    if (str('birth-date') === undefined || str('date') === undefined) {
      throw new CliError('give --age-days, or --birth-date and --date.');
    }
  } else if (str('birth-date') !== undefined || str('date') !== undefined) {
    throw new CliError('give either --age-days or --birth-date with --date, not both.');
  }
  for (const k of ['weight', 'length', 'measured']) need(k);
  let result: ZscoreResult;
  try {
    const raw: RawFields = {
      sex: str('sex'),
      ageDays: str('age-days'),
      birthDate: str('birth-date'),
      date: str('date'),
      weight: str('weight'),
      length: str('length'),
      measured: str('measured'),
      muac: str('muac'),
      oedema: str('oedema'),
    };
    result = zscoreFor(inputFrom(raw, today, OPTION_NAMES));
  } catch (error) {
    if (error instanceof ClinicalInputError) throw new CliError(explain(error, FIELD_OPTIONS));
    throw error;
  }
  io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : textReport(result));
  return 0;
}

const CRITERIA_TEXT: Record<string, string> = {
  oedema: 'bilateral oedema',
  'muac-sam': 'MUAC < 115 mm',
  'whz-sam': 'WHZ < -3',
  'muac-mam': 'MUAC 115-124 mm',
  'whz-mam': 'WHZ -3 to < -2',
};

function textReport(r: ZscoreResult): string {
  const z = (v: number | null) => (v === null ? 'not computable' : v.toFixed(2));
  const table =
    r.table === 'wfl' ? 'weight-for-length' : r.table === 'wfh' ? 'weight-for-height' : 'no table';
  const criteria = r.criteria.map((c) => CRITERIA_TEXT[c] ?? c).join(', ');
  const lines: [string, string][] = [
    ['Age', r.ageDays === null ? 'unknown' : `${r.ageDays} days`],
    ['Length/height used', r.lengthUsedCm === null ? '-' : `${r.lengthUsedCm} cm (${table})`],
    ['Weight-for-length/height (WHZ)', z(r.whz)],
    ['Weight-for-age (WAZ)', z(r.waz)],
    ['Length/height-for-age (HAZ)', z(r.haz)],
    ['BMI-for-age', z(r.bmiz)],
    ['MUAC-for-age', z(r.muacz)],
    ['Classification', `${r.classification ?? 'not possible'}${criteria ? ` (${criteria})` : ''}`],
    ['Flags', r.flags.length ? r.flags.join(', ') : 'none'],
  ];
  return lines.map(([label, value]) => `${`${label}:`.padEnd(32)}${value}\n`).join('');
}

async function runBatch(
  values: Record<string, string | boolean | undefined>,
  io: CliIO,
  today: string,
): Promise<number> {
  const mixed = Object.keys(OPTION_NAMES).find(
    (k) => values[OPTION_NAMES[k as keyof RawFields].slice(2)] !== undefined,
  );
  if (mixed) throw new CliError('--input reads every child from the CSV; drop the single-child options.');
  const input = values.input as string;
  let text: string;
  try {
    text = input === '-' ? await io.readStdin() : readFileSync(resolve(io.cwd, input), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${input} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const result = zscoreCsv(text, today);
  const out = typeof values.out === 'string' ? values.out : '-';
  if (out === '-') {
    io.stdout(result.csv);
    return 0;
  }
  try {
    writeFileSync(resolve(io.cwd, out), result.csv);
  } catch (error) {
    throw new CliError(`cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  io.stdout(`${result.rows} rows written to ${out}; ${result.badRows} with errors (see the flags column).\n`);
  return 0;
}

export const zscoreCommand: CliCommand = {
  name: 'zscore',
  summary: 'WHO growth z-scores and SAM/MAM classification, for one child or a CSV file.',
  help: HELP,
  async run(argv, io) {
    let values: Record<string, string | boolean | undefined>;
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
    const today = localDate(new Date());
    if (typeof values.input === 'string') return runBatch(values, io, today);
    if (values.out !== undefined) throw new CliError('--out needs --input.');
    return runSingle(values, io, today);
  },
};
