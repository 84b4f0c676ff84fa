import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, type CliCommand } from '../command';
import { callOrFail, parse, requireString, signedInCore, userOptions } from '../session';

const SIGN_IN = '--data-dir DIR --user USER [--password-stdin]';
const SIGN_IN_HELP =
  'Signs in as USER (password from CAREDESK_PASSWORD or --password-stdin); the role must allow it.';

export const patientsSearchCommand: CliCommand = {
  name: 'patients search',
  summary: 'Find patients by name, registration number, phone or caregiver (audited like the app).',
  help: `Usage: caredesk patients search ${SIGN_IN} --query TEXT [--limit N] [--json]

Any part of any name in any order, a registration number, a phone number as written, or a caregiver's name.
${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      query: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    const query = requireString(values.query, 'query');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50)
      throw new CliError('--limit must be a whole number from 1 to 50.');
    const core = await signedInCore(values, io);
    try {
      const { results } = await callOrFail(core, 'patients.search', { query, limit });
      if (values.json) {
        io.stdout(`${JSON.stringify(results, null, 2)}\n`);
        return 0;
      }
      if (results.length === 0) io.stdout('No patient found.\n');
      for (const p of results) {
        const age = p.age.years >= 5 ? `${p.age.years} y` : `${p.age.years} y ${p.age.months} m`;
        io.stdout(
          `${p.registrationNumber.padEnd(20)} ${`${p.givenName} ${p.familyName}`.padEnd(32)} ${p.sex === 'female' ? 'F' : 'M'}  ${age.padEnd(9)} ${p.village}\n`,
        );
      }
      return 0;
    } finally {
      core.close();
    }
  },
};

export const patientsTemplateCommand: CliCommand = {
  name: 'patients template',
  summary: 'Write the CSV template for a bulk import of patients.',
  help: `Usage: caredesk patients template ${SIGN_IN} [--out FILE]

Writes the header and one example row (delete it before importing) to FILE, or to standard output.
${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, { ...userOptions, out: { type: 'string' } });
    const core = await signedInCore(values, io);
    try {
      const t = await callOrFail(core, 'imports.patientsTemplate', {});
      if (typeof values.out === 'string') {
        writeFileSync(resolve(io.cwd, values.out), t.csv, 'utf8');
        io.stdout(`Wrote ${values.out}\n`);
      } else io.stdout(t.csv);
      return 0;
    } finally {
      core.close();
    }
  },
};

export const patientsImportCommand: CliCommand = {
  name: 'patients import',
  summary: 'Import patients from a CSV file: checks every row first, then saves all of them or none.',
  help: `Usage: caredesk patients import ${SIGN_IN} --file FILE.csv [--duplicates import|skip] [--dry-run]

Checks every row (errors by row and column, suspected duplicates) and saves nothing if any row is wrong.
When rows look like patients already registered, say what to do with them: --duplicates import or skip.
--dry-run only prints the check. Exit code 3 when the file has errors or undecided duplicates.
${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      file: { type: 'string' },
      duplicates: { type: 'string' },
      'dry-run': { type: 'boolean' },
    });
    const path = resolve(io.cwd, requireString(values.file, 'file'));
    const decision = values.duplicates;
    if (decision !== undefined && decision !== 'import' && decision !== 'skip') {
      throw new CliError('--duplicates must be import or skip.');
    }
    let csv: string;
    try {
      csv = readFileSync(path, 'utf8');
    } catch {
      throw new CliError(`cannot read ${path}.`);
    }
    const core = await signedInCore(values, io);
    try {
      const preview = await callOrFail(core, 'imports.patientsPreview', { csv });
      io.stdout(`${preview.rowCount} row(s), ${preview.validCount} without errors.\n`);
      for (const e of preview.errors)
        io.stdout(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}\n`);
      if (preview.moreErrors > 0) io.stdout(`  … and ${preview.moreErrors} more error(s)\n`);
      for (const d of preview.duplicates) {
        const where = [
          d.sameAsRow ? `same person as row ${d.sameAsRow}` : null,
          ...d.candidates.map((c) => `looks like ${c.patient.registrationNumber} (${c.reasons.join(', ')})`),
        ].filter(Boolean);
        io.stdout(`  row ${d.row}: suspected duplicate: ${where.join('; ')}\n`);
      }
      if (preview.errors.length > 0) {
        io.stderr('Nothing was imported: correct the errors and run the import again.\n');
        return 3;
      }
      if (values['dry-run']) return 0;
      if (preview.duplicates.length > 0 && !decision) {
        io.stderr('Nothing was imported: add --duplicates import or --duplicates skip.\n');
        return 3;
      }
      const done = await callOrFail(core, 'imports.patientsCommit', {
        csv,
        fileHash: preview.fileHash,
        ...(decision ? { duplicates: decision } : {}),
      });
      io.stdout(
        `Imported ${done.imported} patient(s)${done.skipped ? `, skipped ${done.skipped}` : ''}` +
          `${done.firstNumber ? `: ${done.firstNumber} … ${done.lastNumber}` : ''}.\n`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};

export const patientsReindexCommand: CliCommand = {
  name: 'patients reindex',
  summary: 'Rebuild the patient search index from the patient records (IT repair).',
  help: `Usage: caredesk patients reindex ${SIGN_IN}

For an administrator: when search misses patients that exist (e.g. after a database repair), rebuilds the
search index in one transaction. Prints how many patients were indexed; shows no patient data.
${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, userOptions);
    const core = await signedInCore(values, io);
    try {
      const { indexed } = await callOrFail(core, 'patients.reindex', {});
      io.stdout(`Indexed ${indexed} patient(s).\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
