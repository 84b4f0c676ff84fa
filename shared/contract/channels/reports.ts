import { z } from 'zod';
import { channel } from '../channel';
import { isReportMonth } from '../../reports/month';

/** The reports a month has: CMAM per programme, ANC, programme enrolments, facility visits. */
export const REPORT_NAMES = ['cmam-SC', 'cmam-OTP', 'cmam-TSFP', 'anc', 'programmes', 'visits'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const reportMonthField = z
  .string()
  .trim()
  .refine(isReportMonth, { error: 'must be a month written YYYY-MM, like 2026-03' });
const language = z.enum(['en', 'fr']).default('en');
const reportName = z.enum(REPORT_NAMES);

const cell = z.object({ value: z.number().nullable(), meets: z.boolean().nullable().optional() });
export const reportTable = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['count', 'rate']),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      literal: z.boolean().optional(),
      level: z.number().optional(),
      threshold: z.object({ op: z.enum(['>', '<']), percent: z.number() }).optional(),
      cells: z.record(z.string(), cell),
    }),
  ),
});
export type ReportTableView = z.infer<typeof reportTable>;

export const cellDifference = z.object({
  key: z.string(),
  frozen: z.number().nullable(),
  live: z.number().nullable(),
  records: z.array(
    z.object({
      id: z.string(),
      registrationNumber: z.string().nullable(),
      direction: z.enum(['added', 'removed']),
      reason: z.enum(['entered-after', 'corrected-after', 'voided-after', 'removed', 'changed']),
    }),
  ),
});
export type CellDifferenceView = z.infer<typeof cellDifference>;

export const frozenMonth = z.object({
  month: z.string(),
  frozenAt: z.string(),
  frozenByName: z.string(),
  pdfSha256: z.string(),
  auditHeadHash: z.string(),
  auditRows: z.number().int(),
});
export type FrozenMonth = z.infer<typeof frozenMonth>;

export const monthlyReport = z.object({
  report: reportName,
  month: z.string(),
  tables: z.array(reportTable),
  /** F = A + C − E; when false the report is not shown and the records are named. */
  balance: z.object({
    ok: z.boolean(),
    failures: z.array(
      z.object({ id: z.string(), registrationNumber: z.string().nullable(), problem: z.string() }),
    ),
  }),
  frozen: frozenMonth.nullable(),
  /** Numbers that differ from the frozen snapshot, and the records why (empty when not frozen). */
  differences: z.array(cellDifference),
});
export type MonthlyReportView = z.infer<typeof monthlyReport>;

export const drilldownRecord = z.object({
  recordId: z.string(),
  patientId: z.string(),
  registrationNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  sex: z.string(),
  birthDate: z.string(),
});

const monthInput = z.object({ month: reportMonthField, report: reportName }).strict();

export const reportChannels = {
  'reports.monthly': channel({
    summary: 'A monthly report (numbers only), its F = A + C − E check and, when frozen, what changed since.',
    permission: 'reports.read',
    audit: 'read',
    readAudit: { action: 'report.view', detail: (i) => `${i.report} ${i.month}` },
    input: monthInput,
    output: monthlyReport,
  }),
  'reports.drilldown': channel({
    summary: 'The patients and records behind one number of a monthly report.',
    permission: 'reports.read',
    audit: 'read',
    readAudit: {
      action: 'report.drilldown',
      detail: (i, o) => `${i.report} ${i.month} ${i.cell}: ${o.records.length} records`,
    },
    input: monthInput.extend({ cell: z.string().trim().min(3).max(120) }).strict(),
    output: z.object({ cell: z.string(), value: z.number().nullable(), records: z.array(drilldownRecord) }),
  }),
  'reports.trends': channel({
    summary:
      'The 12 months ending with a month: admissions, exits by outcome, caseload, rates; ANC1 and 4+/8+.',
    permission: 'reports.read',
    audit: 'none',
    input: monthInput,
    output: z.object({
      months: z.array(z.string()),
      series: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          kind: z.enum(['count', 'rate']),
          values: z.array(z.number().nullable()),
          threshold: z.number().optional(),
        }),
      ),
    }),
  }),
  'reports.pdf': channel({
    summary: 'The printable PDF of one report or of the whole month (A4).',
    permission: 'reports.read',
    audit: 'read',
    readAudit: { action: 'report.print', detail: (i) => `${i.report} ${i.month}` },
    input: z
      .object({
        month: reportMonthField,
        report: z.enum([...REPORT_NAMES, 'all']),
        orientation: z.enum(['portrait', 'landscape']).default('portrait'),
        language,
      })
      .strict(),
    output: z.object({ fileName: z.string(), base64: z.string(), sha256: z.string() }),
  }),
  'reports.csv': channel({
    summary: 'Every table of a report as CSV (byte-order mark, formula-like cells made inert).',
    permission: 'reports.read',
    audit: 'read',
    readAudit: { action: 'report.export', detail: (i) => `${i.report} ${i.month} csv` },
    input: monthInput.extend({ language }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
  }),
  'reports.freeze': channel({
    summary:
      'Freezes a month: the numbers, the PDF hash, who and when, kept for good and sent to the district.',
    permission: 'reports.freeze',
    audit: 'none',
    input: z.object({ month: reportMonthField, language }).strict(),
    output: frozenMonth,
  }),
};
