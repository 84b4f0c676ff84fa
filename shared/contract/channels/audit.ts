import { z } from 'zod';
import { channel } from '../channel';
import { calendarDate, empty } from './common';

export const auditFilter = z
  .object({
    userId: z.string().max(64).optional(),
    /** Staff username (managers filter by name: they cannot list accounts). */
    username: z.string().trim().toLowerCase().max(64).optional(),
    patientId: z.string().max(64).optional(),
    /** Exact action ("login.failed") or a prefix ending with a dot ("user."). */
    action: z.string().trim().max(64).optional(),
    /** Local calendar dates, inclusive. */
    from: calendarDate.optional(),
    to: calendarDate.optional(),
  })
  .strict();

export const auditRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditRowOut = z.infer<typeof auditRow>;

export const auditVerdict = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  /** First row whose link or content does not hold (null when ok). */
  brokenAtSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Outside anchors checked (backups in the backup folder); the first one that no longer matches. */
  anchorsChecked: z.number().int().optional(),
  brokenAnchor: z
    .object({ source: z.string(), at: z.string(), rowCount: z.number().int() })
    .nullable()
    .optional(),
});

export const auditChannels = {
  'audit.list': channel({
    summary: 'Audit trail, newest first, filtered by user, patient, action and date range.',
    permission: 'audit.read',
    // Reading the trail is itself on the trail: who looked, with which filters, how many rows.
    audit: 'read',
    readAudit: {
      action: 'audit.list',
      detail: (i, o) => {
        const filters = Object.entries(i)
          .filter(([k, v]) => k !== 'limit' && v !== undefined && v !== '')
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ');
        return `${o.rows.length} rows${filters ? `; ${filters}` : ''}`;
      },
    },
    input: auditFilter.extend({
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({
      rows: z.array(auditRow),
      nextBeforeSeq: z.number().int().nullable(),
      actions: z.array(z.string()),
    }),
  }),
  'audit.export': channel({
    summary: 'Export the filtered audit trail as CSV (the export itself is audited).',
    permission: 'audit.read',
    audit: 'none',
    input: auditFilter,
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
  }),
  'audit.verify': channel({
    summary: 'Check the audit hash chain; reports the first broken link.',
    permission: 'audit.read',
    audit: 'none',
    input: empty,
    output: auditVerdict,
  }),
};
