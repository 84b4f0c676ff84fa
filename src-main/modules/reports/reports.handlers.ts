import type { HandlerSlice } from '../../core/handler';
import { actorOf } from '../../records';
import { drilldown, freezeMonth, monthlyReport, reportCsv, reportPdf } from './reports.service';
import { reportTrends } from './reports.compute';

export const reportHandlers: HandlerSlice<
  | 'reports.monthly'
  | 'reports.drilldown'
  | 'reports.trends'
  | 'reports.pdf'
  | 'reports.csv'
  | 'reports.freeze'
> = {
  'reports.monthly': (input, ctx) => monthlyReport(ctx.database(), input.report, input.month),
  'reports.drilldown': (input, ctx) => drilldown(ctx.database(), input.report, input.month, input.cell),
  'reports.trends': (input, ctx) => reportTrends(ctx.database(), input.report, input.month),
  'reports.pdf': (input, ctx) => {
    const { bytes: _bytes, ...out } = reportPdf(ctx.database(), input, actorOf(ctx), ctx.now);
    return out;
  },
  'reports.csv': (input, ctx) => reportCsv(ctx.database(), input.report, input.month, input.language),
  'reports.freeze': (input, ctx) =>
    freezeMonth(ctx.database(), actorOf(ctx), input.month, input.language, ctx.now),
};
