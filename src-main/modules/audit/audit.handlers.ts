import type { HandlerSlice } from '../../core/handler';
import { fileStamp } from '../../db/backup';
import { appendAudit, verifyAuditChain } from './audit.service';
import { exportAuditCsv, listAudit } from './audit.query';

export const auditHandlers: HandlerSlice<'audit.list' | 'audit.export' | 'audit.verify'> = {
  'audit.list': (input, ctx) => listAudit(ctx.database().sqlite, input),
  'audit.export': (input, ctx) => {
    const { sqlite } = ctx.database();
    const user = ctx.user();
    return sqlite.transaction(() => {
      const { csv, rows } = exportAuditCsv(sqlite, input);
      const filters = Object.entries(input)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      appendAudit(
        sqlite,
        {
          userId: user.userId,
          role: user.role,
          action: 'audit.export',
          detail: `${rows} rows${filters ? `; ${filters}` : ''}`,
        },
        ctx.now.toISOString(),
      );
      return { fileName: `caredesk-audit-${fileStamp(ctx.now)}.csv`, csv, rows };
    })();
  },
  'audit.verify': (_input, ctx) => {
    const verdict = verifyAuditChain(ctx.database().sqlite);
    return verdict.ok
      ? { ok: true, rows: verdict.rows, brokenAtSeq: null, reason: null }
      : { ok: false, rows: verdict.rows, brokenAtSeq: verdict.brokenAtSeq, reason: verdict.reason };
  },
};
