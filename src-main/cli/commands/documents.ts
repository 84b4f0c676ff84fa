import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { localDate } from '../../../shared/clinical';
import type { ChannelName, InputOf, OutputOf } from '../../../shared/contract';
import { DOCUMENT_CATEGORIES } from '../../../shared/contract/channels/documents';
import type { Core } from '../../core/core';
import { CliError, type CliCommand } from '../command';
import { CLI_CONNECTION, parse, requireString, signedInCore, userOptions } from '../session';

const SIGN_IN = '--data-dir DIR --user USER [--password-stdin]';
const SIGN_IN_HELP =
  'Signs in as USER (password from CAREDESK_PASSWORD or --password-stdin); the role must allow it.';

/** Like callOrFail, but says which field was refused and why (a file's size or type, a date). */
async function call<C extends ChannelName>(core: Core, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await core.call(CLI_CONNECTION, channel, input);
  if (result.ok) return result.value;
  const why = (result.fields ?? []).map((f) => `${f.path === 'content' ? 'file' : f.path} ${f.message}`);
  throw new CliError(
    why.length > 0 ? `${result.message} (${why.join('; ')})` : result.message,
    result.code === 'INTERNAL' ? 1 : 2,
  );
}

/** The patient with exactly this registration number. */
async function patientByNumber(core: Core, registrationNumber: string): Promise<{ id: string }> {
  const { results } = await call(core, 'patients.search', { query: registrationNumber, limit: 50 });
  const found = results.find((p) => p.registrationNumber.toUpperCase() === registrationNumber.toUpperCase());
  if (!found) throw new CliError(`no patient has the registration number ${registrationNumber}.`);
  return found;
}

export const documentsAddCommand: CliCommand = {
  name: 'documents add',
  summary: "Attach a scanned document or photo (PDF, JPEG, PNG) to a patient's record.",
  help: `Usage: caredesk documents add ${SIGN_IN} --patient REG --file FILE --title TEXT
       [--category ${DOCUMENT_CATEGORIES.join('|')}] [--date YYYY-MM-DD] [--visit VISIT_ID]

The type is read from the file's content, not its name; photos are reduced to 2000 px and lose their EXIF
(GPS, camera). The file is stored inside the encrypted database; the original on disk is left as it is.
--category defaults to other, --date to today. ${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      patient: { type: 'string' },
      file: { type: 'string' },
      title: { type: 'string' },
      category: { type: 'string' },
      date: { type: 'string' },
      visit: { type: 'string' },
    });
    const reg = requireString(values.patient, 'patient');
    const path = resolve(io.cwd, requireString(values.file, 'file'));
    const title = requireString(values.title, 'title');
    const category = (values.category ?? 'other') as (typeof DOCUMENT_CATEGORIES)[number];
    if (!DOCUMENT_CATEGORIES.includes(category)) {
      throw new CliError(`--category must be one of ${DOCUMENT_CATEGORIES.join(', ')}.`);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new CliError(`cannot read ${path}.`);
    }
    const core = await signedInCore(values, io);
    try {
      const patient = await patientByNumber(core, reg);
      const doc = await call(core, 'documents.attach', {
        patientId: patient.id,
        visitId: typeof values.visit === 'string' ? values.visit : null,
        title,
        category,
        documentDate: typeof values.date === 'string' ? values.date : localDate(new Date()),
        content: bytes.toString('base64'),
      });
      const size = doc.widthPx ? `, ${doc.widthPx}×${doc.heightPx} px` : '';
      io.stdout(`Attached ${doc.id} (${doc.mimeType}, ${doc.sizeBytes} bytes${size}) to ${reg}.\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};

export const documentsListCommand: CliCommand = {
  name: 'documents list',
  summary: "List a patient's documents (title, category, date, type, size); never prints their content.",
  help: `Usage: caredesk documents list ${SIGN_IN} --patient REG [--json]

${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      patient: { type: 'string' },
      json: { type: 'boolean' },
    });
    const reg = requireString(values.patient, 'patient');
    const core = await signedInCore(values, io);
    try {
      const patient = await patientByNumber(core, reg);
      const { documents } = await call(core, 'documents.list', { patientId: patient.id });
      const rows = documents.map(({ thumbnail: _thumbnail, ...d }) => d);
      if (values.json) {
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return 0;
      }
      if (rows.length === 0) io.stdout('No document.\n');
      for (const d of rows) {
        const kb = `${Math.ceil(d.sizeBytes / 1024)} KB`;
        io.stdout(
          `${d.documentDate}  ${d.category.padEnd(15)} ${d.mimeType.padEnd(16)} ${kb.padStart(9)}  ${d.title}${d.voided ? `  [voided: ${d.voidReason}]` : ''}\n`,
        );
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
