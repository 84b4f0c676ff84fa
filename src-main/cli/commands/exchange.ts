import { resolve } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/contract';
import { CliError, type CliCommand, type CliIO } from '../command';
import { CLI_CONNECTION, callOrFail, parse, requireString, signedInCore, userOptions } from '../session';

/** Progress on stderr: one line per 10 %, so a log stays readable. */
function progressLine(io: CliIO) {
  let shown = -1;
  return <E extends EventName>(_connection: string, event: E, payload: EventPayload<E>) => {
    if (event !== 'exchange.progress') return;
    const p = payload as EventPayload<'exchange.progress'>;
    const step = Math.floor(p.percent / 10);
    if (step === shown) return;
    shown = step;
    io.stderr(
      `${p.work === 'export' ? 'Exporting' : 'Importing'}: ${p.percent}% (${p.done} of ${p.total} records)\n`,
    );
  };
}

/** Ctrl+C asks the core to stop: the export leaves no file, the import writes nothing. */
async function cancellable<T>(cancel: () => Promise<unknown>, work: () => Promise<T>): Promise<T> {
  const onSignal = () => void cancel();
  process.once('SIGINT', onSignal);
  try {
    return await work();
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

const FORMATS = ['json', 'fhir', 'research-json', 'research-csv'] as const;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export the facility: CareDesk format (a new PC), FHIR R4, or de-identified for research.',
  help: `Usage: caredesk export --data-dir DIR --user USER --format json|fhir|research-json|research-csv --out FILE
                       [--reusable-key | --key KEY] [--password-stdin]

json           every record, in caredesk-export/1 (README "Data exchange"); read back with \`caredesk import\`.
fhir           a FHIR R4 Bundle (collection) of Patient, Encounter, EpisodeOfCare, Observation, Condition.
research-*     no names, phones, IDs, addresses, notes or birth dates; ids replaced by keyed hashes.
               --reusable-key prints a key; give it to a later export with --key so the two can be joined.

Progress goes to stderr; Ctrl+C stops and leaves no file. Managers only (research: managers and researchers).`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      format: { type: 'string' },
      out: { type: 'string' },
      key: { type: 'string' },
      'reusable-key': { type: 'boolean' },
    });
    const format = requireString(values.format, 'format');
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`--format must be one of ${FORMATS.join(', ')}.`);
    }
    const file = resolve(io.cwd, requireString(values.out, 'out'));
    const core = await signedInCore(values, io, progressLine(io));
    try {
      const cancel = () => core.call(CLI_CONNECTION, 'exchange.cancel', {});
      if (format === 'json' || format === 'fhir') {
        const r = await cancellable(cancel, () =>
          callOrFail(core, 'exchange.export', { format: format as 'json' | 'fhir', file }),
        );
        io.stdout(
          `Wrote ${r.rows} ${format === 'fhir' ? 'resources' : 'records'} (${r.bytes} bytes) to ${r.file}.\n`,
        );
      } else {
        const r = await cancellable(cancel, () =>
          callOrFail(core, 'exchange.research', {
            format: format === 'research-csv' ? 'csv' : 'json',
            file,
            ...(values.key ? { key: values.key } : {}),
            reusableKey: values['reusable-key'] === true,
          }),
        );
        io.stdout(`Wrote ${r.rows} de-identified rows to ${r.file}.\n`);
        if (r.key) io.stdout(`Key for a later export that must join this one (keep it secret): ${r.key}\n`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a caredesk-export/1 file (checked whole first; all or nothing; no duplicates).',
  help: `Usage: caredesk import --data-dir DIR --user USER --file FILE [--other-facility] [--password-stdin]

Into an empty data folder (after \`caredesk init\`) it rebuilds the facility. Into one that has patients it refuses
a file from another facility unless --other-facility is given. Records already here are not duplicated (same id:
the highest version wins). A cut or edited file is refused, naming the line, and nothing is written.`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      file: { type: 'string' },
      'other-facility': { type: 'boolean' },
    });
    const file = resolve(io.cwd, requireString(values.file, 'file'));
    const core = await signedInCore(values, io, progressLine(io));
    try {
      const r = await cancellable(
        () => core.call(CLI_CONNECTION, 'exchange.cancel', {}),
        () => callOrFail(core, 'exchange.import', { file, otherFacility: values['other-facility'] === true }),
      );
      io.stdout(
        `${r.rebuilt ? 'Rebuilt' : 'Imported into'} ${r.facilityName} (${r.facilityCode}): ${r.added} records added, ${r.updated} updated, ${r.unchanged} already here.\n`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
