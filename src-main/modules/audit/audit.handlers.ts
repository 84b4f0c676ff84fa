import type { HandlerSlice } from '../../core/handler';
import { fileStamp } from '../../db/backup';
import { auditBy, verifyAuditChain } from './audit.service';
import { exportAuditCsv, listAudit } from './audit.query';
import { anchorsInBackups, firstBrokenAnchor } from './audit.anchor';
import { backupFolderOf } from '../backup/backup.service';

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
      auditBy(
        sqlite,
        user,
        { action: 'audit.export', detail: `${rows} rows${filters ? `; ${filters}` : ''}` },
        ctx.now.toISOString(),
      );
      return { fileName: `caredesk-audit-${fileStamp(ctx.now)}.csv`, csv, rows };
    })();
  },
  'audit.verify': (_input, ctx) => {
    const { sqlite } = ctx.database();
    const verdict = verifyAuditChain(sqlite);
    // A key holder can rewrite the chain and recompute it; the anchors kept in backups they cannot.
    const anchors = anchorsInBackups(backupFolderOf(ctx.state));
    const broken = firstBrokenAnchor(sqlite, anchors);
    const anchorPart = {
      anchorsChecked: anchors.length,
      brokenAnchor: broken
        ? { source: broken.source, at: broken.at, rowCount: broken.anchor.rowCount }
        : null,
    };
    if (!verdict.ok)
      return {
        ok: false,
        rows: verdict.rows,
        brokenAtSeq: verdict.brokenAtSeq,
        reason: verdict.reason,
        ...anchorPart,
      };
    if (broken)
      return {
        ok: false,
        rows: verdict.rows,
        brokenAtSeq: broken.anchor.rowCount,
        reason: `the chain no longer matches the anchor in ${broken.source} (made ${broken.at}, ${broken.anchor.rowCount} rows): it was rewritten after that`,
        ...anchorPart,
      };
    return { ok: true, rows: verdict.rows, brokenAtSeq: null, reason: null, ...anchorPart };
  },
};
