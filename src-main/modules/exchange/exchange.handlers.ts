import { resolve } from 'node:path';
import { auditRole } from '../../../shared/contract';
import type { CallContext, HandlerSlice } from '../../core/handler';
import { actorOf } from '../../records';
import { appendAudit } from '../audit/audit.service';
import { exportFull } from './export.service';
import { exportFhir } from './fhir.service';
import { importFull } from './import.service';
import { requestCancel, startJob, type Job } from './jobs';
import { exportResearch } from './research.service';

function jobFor(ctx: CallContext, work: 'export' | 'import'): Job {
  return startJob(ctx.connectionId, (done, total) =>
    ctx.state.emit(ctx.connectionId, 'exchange.progress', {
      work,
      done,
      total,
      percent: total === 0 ? 100 : Math.min(100, Math.floor((done * 100) / total)),
    }),
  );
}

/** Every export leaves an audit row naming who, what format and how many rows (never patient text). */
function auditExport(ctx: CallContext, action: string, detail: string): void {
  const actor = actorOf(ctx);
  appendAudit(
    ctx.database().sqlite,
    { userId: actor.userId, role: auditRole(actor), action, entity: 'facility', detail },
    ctx.now.toISOString(),
  );
}

const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t}=${n}`)
    .join(' ');

export const exchangeHandlers: HandlerSlice<
  'exchange.export' | 'exchange.import' | 'exchange.research' | 'exchange.cancel'
> = {
  'exchange.export': async (input, ctx) => {
    const { sqlite } = ctx.database();
    const file = resolve(input.file);
    const job = jobFor(ctx, 'export');
    const result =
      input.format === 'json'
        ? await exportFull(sqlite, file, job, ctx.now, ctx.state.appVersion)
        : await exportFhir(sqlite, file, job);
    auditExport(ctx, `exchange.export.${input.format}`, `rows=${result.rows} ${counted(result.counts)}`);
    return result;
  },
  'exchange.import': (input, ctx) =>
    importFull(
      ctx.database().sqlite,
      actorOf(ctx),
      resolve(input.file),
      { otherFacility: input.otherFacility },
      jobFor(ctx, 'import'),
      ctx.now,
    ),
  'exchange.research': async (input, ctx) => {
    const result = await exportResearch(
      ctx.database().sqlite,
      resolve(input.file),
      { format: input.format, key: input.key ?? null, reusableKey: input.reusableKey },
      jobFor(ctx, 'export'),
      ctx.now,
    );
    auditExport(
      ctx,
      'exchange.export.research',
      `format=${input.format} key=${result.key || input.key ? 'reusable' : 'one-off'} ${counted(result.counts)}`,
    );
    return result;
  },
  'exchange.cancel': (_input, ctx) => {
    requestCancel(ctx.connectionId);
    return { requested: true };
  },
};
