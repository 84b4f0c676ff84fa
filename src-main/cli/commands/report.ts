import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportName } from '../../../shared/contract/channels/reports';
import { CliError, type CliCommand } from '../command';
import { callOrFail, parse, requireString, signedInCore, userOptions } from '../session';

const reportOptions = {
  ...userOptions,
  month: { type: 'string' },
  programme: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  language: { type: 'string' },
} as const;

function language(value: string | undefined): 'en' | 'fr' {
  if (value === undefined) return 'en';
  if (value === 'en' || value === 'fr') return value;
  throw new CliError('--language must be en or fr.');
}

function reportCommand(kind: 'cmam' | 'anc' | 'programmes' | 'visits'): CliCommand {
  const programmeFlag = kind === 'cmam' ? ' [--programme otp|sc|tsfp]' : '';
  return {
    name: `report ${kind}`,
    summary: `The monthly ${kind === 'cmam' ? 'CMAM (SC/OTP/TSFP)' : kind} report as JSON, CSV or PDF.`,
    help: `Usage: caredesk report ${kind} --data-dir DIR --user USER --month YYYY-MM${programmeFlag}
                           --format json|csv|pdf --out FILE [--language en|fr] [--password-stdin]

Writes the report of the calendar month to FILE. Refuses (exit 2) a CMAM report whose F = A + C − E check
fails, naming the records. Needs the reports right (managers).`,
    async run(argv, io) {
      const { values } = parse(argv, reportOptions);
      const month = requireString(values.month, 'month');
      const format = requireString(values.format, 'format');
      if (!['json', 'csv', 'pdf'].includes(format)) throw new CliError('--format must be json, csv or pdf.');
      const out = resolve(io.cwd, requireString(values.out, 'out'));
      let report: ReportName = kind as ReportName;
      if (kind === 'cmam') {
        const programme = (values.programme ?? 'otp').toUpperCase();
        if (!['SC', 'OTP', 'TSFP'].includes(programme))
          throw new CliError('--programme must be otp, sc or tsfp.');
        report = `cmam-${programme}` as ReportName;
      } else if (values.programme !== undefined) {
        throw new CliError('--programme is only for the CMAM report.');
      }
      const lang = language(values.language);
      const core = await signedInCore(values, io);
      try {
        if (format === 'json') {
          const r = await callOrFail(core, 'reports.monthly', { month, report });
          if (!r.balance.ok) {
            const names = r.balance.failures.map((f) => `${f.registrationNumber ?? f.id} (${f.problem})`);
            throw new CliError(`the report does not add up (F = A + C − E): ${names.join('; ')}.`, 2);
          }
          writeFileSync(out, `${JSON.stringify(r, null, 2)}\n`, { mode: 0o600 });
        } else if (format === 'csv') {
          const r = await callOrFail(core, 'reports.csv', { month, report, language: lang });
          writeFileSync(out, r.text, { mode: 0o600 });
        } else {
          const r = await callOrFail(core, 'reports.pdf', { month, report, language: lang });
          writeFileSync(out, Buffer.from(r.base64, 'base64'), { mode: 0o600 });
        }
        io.stdout(`Wrote the ${report} report of ${month} to ${out}.\n`);
        return 0;
      } finally {
        core.close();
      }
    },
  };
}

export const reportCmamCommand = reportCommand('cmam');
export const reportAncCommand = reportCommand('anc');
export const reportProgrammesCommand = reportCommand('programmes');
export const reportVisitsCommand = reportCommand('visits');

export const reportFreezeCommand: CliCommand = {
  name: 'report freeze',
  summary:
    'Freeze a finished month: numbers, PDF hash, who and when, kept for good and queued for the district.',
  help: `Usage: caredesk report freeze --data-dir DIR --user USER --month YYYY-MM [--language en|fr] [--password-stdin]

Managers only. A frozen month cannot be frozen again; later changes show as differences in the report.`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      month: { type: 'string' },
      language: { type: 'string' },
    });
    const month = requireString(values.month, 'month');
    const lang = language(values.language);
    const core = await signedInCore(values, io);
    try {
      const f = await callOrFail(core, 'reports.freeze', { month, language: lang });
      io.stdout(
        `Froze ${f.month} at ${f.frozenAt} (PDF sha256 ${f.pdfSha256}, audit rows ${f.auditRows}).\n`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
