// The printable monthly report: one section per report, its 12-month chart, and signature lines.
import { createHash } from 'node:crypto';
import { isMessageKey, translateDynamic, type Language } from '../../../shared/i18n';
import type { ReportName } from '../../../shared/contract/channels/reports';
import { trendChartConfig, type ReportTable } from '../../../shared/reports';
import { PdfDocument, type PdfChart } from '../../pdf/document';
import type { OpenDb } from './facts';
import { reportTrends, type ComputedReport } from './reports.compute';

export interface Facility {
  name: string;
  code: string;
  district: string;
}

/** Catalog key of a report's title (catalog keys have no hyphens). */
export const reportTitleKey = (name: string) => `reports.name.${name.replace(/-/g, '_')}`;

export const labelFor = (lang: Language) => (key: string) =>
  isMessageKey(key) ? translateDynamic(lang, key) : key;

function monthName(month: string, lang: Language): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, 1)),
  );
}

function formatValue(v: number | null, lang: Language): string {
  return v === null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(v);
}

function tableBody(t: ReportTable, lang: Language) {
  const label = labelFor(lang);
  const rate = t.kind === 'rate';
  const head = [
    '',
    ...t.columns.map((c) => label(c.label)),
    ...(rate ? [label('reports.col.standard')] : []),
  ];
  const alerts: [number, number][] = [];
  const body = t.rows.map((r, i) => {
    const cells = t.columns.map((c, j) => {
      const cell = r.cells[c.key];
      if (cell?.meets === false) alerts.push([i, j + 1]);
      return cell ? formatValue(cell.value, lang) : '';
    });
    const standard = r.threshold
      ? translateDynamic(lang, 'reports.pdf.standard', { op: r.threshold.op, percent: r.threshold.percent })
      : '';
    return [r.literal ? r.label : label(r.label), ...cells, ...(rate ? [standard] : [])];
  });
  return { head, body, alerts, levels: t.rows.map((r) => r.level ?? 0) };
}

export interface PdfOptions {
  facility: Facility;
  month: string;
  reports: ComputedReport[];
  lang: Language;
  orientation: 'portrait' | 'landscape';
  now: Date;
  preparedBy: string;
  /** Draws 12-month charts (reads 12 months of facts per report). */
  open?: OpenDb;
}

export function renderReportPdf(o: PdfOptions): { bytes: Uint8Array; sha256: string } {
  const label = labelFor(o.lang);
  const title =
    o.reports.length === 1 ? label(reportTitleKey(o.reports[0]!.report)) : label('reports.name.all');
  const at = new Intl.DateTimeFormat(o.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(o.now);
  const pdf = new PdfDocument(
    {
      facilityName: o.facility.name,
      facilityCode: o.facility.code,
      district: o.facility.district,
      title,
      period: monthName(o.month, o.lang),
      generated: translateDynamic(o.lang, 'reports.pdf.generated', { at }),
      pageLabel: (page, pages) => translateDynamic(o.lang, 'reports.pdf.page', { page, pages }),
    },
    o.orientation,
  );
  for (const r of o.reports) {
    if (o.reports.length > 1) pdf.heading(label(reportTitleKey(r.report)));
    for (const t of r.tables) pdf.table({ title: label(t.title), ...tableBody(t, o.lang) });
    if (o.open && r.report !== 'programmes') {
      for (const chart of trendCharts(o.open, r.report, o.month, o.lang)) pdf.chart(chart);
    }
  }
  pdf.signatures([
    { label: label('reports.pdf.preparedBy'), name: o.preparedBy },
    { label: label('reports.pdf.verifiedBy'), name: '' },
  ]);
  const bytes = pdf.finish();
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The charts the screen shows for this report (counts; rates against Sphere when there are rates). */
function trendCharts(open: OpenDb, report: ReportName, month: string, lang: Language): PdfChart[] {
  const label = labelFor(lang);
  const trends = reportTrends(open, report, month);
  const threshold = (series: string, percent: number) =>
    translateDynamic(lang, 'reports.trend.threshold', { series, percent });
  const charts: PdfChart[] = [
    { title: label('reports.trend.title'), config: trendChartConfig(trends, 'count', label, threshold) },
  ];
  if (trends.series.some((s) => s.kind === 'rate')) {
    charts.push({
      title: label('reports.ind.title'),
      config: trendChartConfig(trends, 'rate', label, threshold),
    });
  }
  return charts;
}
