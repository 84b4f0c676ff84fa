// The shared PDF layer (reports now, documents and cards later): A4 pages with the facility header, tables
// (jspdf-autotable), charts, signature lines, and a footer with page numbers and the time it was generated.
// Charts are the screen's chart.js configurations drawn with jsPDF primitives, so the CLI and the app make the
// same file with no canvas.
import { jsPDF } from 'jspdf';
import { autoTable, type RowInput } from 'jspdf-autotable';
import type { TrendChartConfig } from '../../shared/reports/trend-chart';
import { FONT_FILES, fontData } from './fonts';

export const FONT = 'DejaVuSans';

export interface PdfHeader {
  facilityName: string;
  facilityCode: string;
  district: string;
  /** Document title, e.g. "Monthly CMAM report — OTP". */
  title: string;
  /** Period line, e.g. "March 2026". */
  period: string;
  /** Footer text like "Generated 2026-04-02 10:15"; page numbers are added after it. */
  generated: string;
  /** "Page {page} of {pages}" in the reader's language. */
  pageLabel: (page: number, pages: number) => string;
}

export interface PdfTable {
  title: string;
  head: string[];
  body: (string | number)[][];
  /** Body cells to print in red (a rate outside its standard): [row, column]. */
  alerts?: [number, number][];
  /** Indentation per body row (sub-rows). */
  levels?: number[];
}

export interface PdfChart {
  title: string;
  /** The chart.js configuration the screen draws (shared/reports/trend-chart.ts). */
  config: TrendChartConfig;
}

const MARGIN = 14;

export class PdfDocument {
  readonly doc: jsPDF;
  private y = MARGIN;

  constructor(
    private readonly header: PdfHeader,
    orientation: 'portrait' | 'landscape' = 'portrait',
  ) {
    this.doc = new jsPDF({ orientation, unit: 'mm', format: 'a4', compress: true });
    const fonts = fontData();
    this.doc.addFileToVFS(FONT_FILES.normal, fonts.normal);
    this.doc.addFont(FONT_FILES.normal, FONT, 'normal');
    this.doc.addFileToVFS(FONT_FILES.bold, fonts.bold);
    this.doc.addFont(FONT_FILES.bold, FONT, 'bold');
    this.doc.setFont(FONT, 'normal');
    this.doc.setProperties({ title: `${header.title} ${header.period}`, creator: 'CareDesk' });
    this.drawHeader();
  }

  get width(): number {
    return this.doc.internal.pageSize.getWidth();
  }
  get height(): number {
    return this.doc.internal.pageSize.getHeight();
  }

  private drawHeader(): void {
    const d = this.doc;
    const right = this.width - MARGIN;
    d.setFont(FONT, 'bold')
      .setFontSize(14)
      .text(this.header.facilityName, MARGIN, MARGIN + 2);
    // The title takes the room the facility name leaves; a long one wraps (smaller) instead of overlapping.
    const room = this.width - 2 * MARGIN - d.getTextWidth(this.header.facilityName) - 6;
    d.setFontSize(12);
    const lines: string[] =
      d.getTextWidth(this.header.title) <= room
        ? [this.header.title]
        : (d.setFontSize(10).splitTextToSize(this.header.title, Math.max(room, 40)) as string[]);
    lines.forEach((line, i) => d.text(line, right, MARGIN + 2 + i * 4.5, { align: 'right' }));
    const extra = (lines.length - 1) * 4.5;
    d.setFont(FONT, 'normal').setFontSize(9);
    d.text(`${this.header.facilityCode} · ${this.header.district}`, MARGIN, MARGIN + 7);
    d.setFontSize(10).text(this.header.period, right, MARGIN + 7 + extra, { align: 'right' });
    d.setDrawColor(120).line(MARGIN, MARGIN + 10 + extra, right, MARGIN + 10 + extra);
    this.y = MARGIN + 16 + extra;
  }

  /** Starts a new page when less than `needed` mm are left. */
  private room(needed: number): void {
    if (this.y + needed > this.height - 20) {
      this.doc.addPage();
      this.drawHeader();
    }
  }

  heading(text: string): void {
    this.room(14);
    this.doc.setFont(FONT, 'bold').setFontSize(11).text(text, MARGIN, this.y);
    this.y += 3;
  }

  note(text: string): void {
    this.room(8);
    this.doc
      .setFont(FONT, 'normal')
      .setFontSize(8)
      .text(text, MARGIN, this.y + 2, { maxWidth: this.width - 2 * MARGIN });
    this.y += 7;
  }

  table(t: PdfTable): void {
    this.heading(t.title);
    const alerts = new Set((t.alerts ?? []).map(([r, c]) => `${r}:${c}`));
    autoTable(this.doc, {
      startY: this.y,
      margin: { left: MARGIN, right: MARGIN, top: MARGIN + 16, bottom: 20 },
      head: [t.head],
      body: t.body as RowInput[],
      theme: 'grid',
      styles: { font: FONT, fontSize: 8, cellPadding: 1.2 },
      headStyles: { font: FONT, fontStyle: 'bold', fillColor: [230, 230, 230], textColor: 20 },
      columnStyles: { 0: { cellWidth: 'auto' } },
      didParseCell: (data) => {
        if (data.section !== 'body') return;
        if (data.column.index > 0) data.cell.styles.halign = 'right';
        if (data.column.index === 0 && t.levels?.[data.row.index]) {
          data.cell.styles.cellPadding = {
            left: 1.2 + 4 * (t.levels[data.row.index] ?? 0),
            top: 1.2,
            bottom: 1.2,
            right: 1.2,
          };
        }
        if (alerts.has(`${data.row.index}:${data.column.index}`)) {
          data.cell.styles.textColor = [200, 0, 0];
          data.cell.styles.fontStyle = 'bold';
        }
      },
      didDrawPage: (data) => {
        if (data.pageNumber > 1) this.drawHeader();
      },
    });
    const last = (this.doc as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable;
    this.y = (last?.finalY ?? this.y) + 8;
  }

  /**
   * A chart.js configuration drawn with vector primitives (no canvas in the main process): bar datasets as
   * grouped bars, line datasets as polylines with their points, a dash pattern as a dashed line; the legend
   * lists every dataset with its colour, as chart.js does on the screen.
   */
  chart(c: PdfChart, height = 55): void {
    const datasets = c.config.data.datasets;
    const labels = c.config.data.labels;
    this.room(height + 22);
    this.heading(c.title);
    const d = this.doc;
    const left = MARGIN + 10;
    const top = this.y + 2;
    const w = this.width - left - MARGIN;
    const values = datasets.flatMap((s) => s.data.filter((v): v is number => v !== null));
    const max = Math.max(1, ...values);
    const scale = (v: number) => top + height - (v / max) * height;
    d.setDrawColor(150)
      .setLineWidth(0.2)
      .line(left, top, left, top + height)
      .line(left, top + height, left + w, top + height);
    d.setFont(FONT, 'normal').setFontSize(6).setTextColor(60);
    for (const tick of [0, max / 2, max])
      d.text(formatTick(tick), left - 1, scale(tick) + 1, { align: 'right' });
    const group = w / Math.max(1, labels.length);
    const bars = datasets.filter((s) => s.type === 'bar');
    const bar = (group * 0.8) / Math.max(1, bars.length);
    labels.forEach((label, i) => {
      bars.forEach((s, j) => {
        const v = s.data[i];
        if (v === null || v === undefined) return;
        d.setFillColor(...rgb(s.backgroundColor)).rect(
          left + i * group + group * 0.1 + j * bar,
          scale(v),
          bar,
          top + height - scale(v),
          'F',
        );
      });
      d.setTextColor(60).text(label, left + i * group + group / 2, top + height + 3.5, { align: 'center' });
    });
    for (const s of datasets.filter((x) => x.type === 'line')) {
      d.setDrawColor(...rgb(s.borderColor)).setLineWidth(0.4);
      dash(d, s.borderDash);
      let last: [number, number] | null = null;
      s.data.forEach((v, i) => {
        if (v === null || v === undefined) return void (last = null);
        const point: [number, number] = [left + i * group + group / 2, scale(v)];
        if (last) d.line(last[0], last[1], point[0], point[1]);
        if (s.pointRadius !== 0) d.setFillColor(...rgb(s.borderColor)).circle(point[0], point[1], 0.7, 'F');
        last = point;
      });
      dash(d, undefined);
    }
    let x = left;
    let y = top + height + 6;
    for (const s of datasets) {
      const wide = 6 + d.getTextWidth(s.label);
      if (x + wide > left + w) {
        x = left;
        y += 3.5;
      }
      if (s.type === 'bar') d.setFillColor(...rgb(s.backgroundColor)).rect(x, y, 3, 2, 'F');
      else {
        d.setDrawColor(...rgb(s.borderColor)).setLineWidth(0.4);
        dash(d, s.borderDash);
        d.line(x, y + 1, x + 3, y + 1);
        dash(d, undefined);
      }
      d.setTextColor(40).text(s.label, x + 4, y + 1.8);
      x += wide;
    }
    d.setTextColor(0).setLineWidth(0.2);
    this.y = y + 8;
  }

  /** "Prepared by" / "Verified by" lines with a name (or blank) and room to sign and date. */
  signatures(lines: { label: string; name: string }[]): void {
    this.room(24);
    const col = (this.width - 2 * MARGIN) / lines.length;
    lines.forEach((l, i) => {
      const x = MARGIN + i * col;
      this.doc
        .setFont(FONT, 'normal')
        .setFontSize(9)
        .text(`${l.label}: ${l.name}`, x, this.y + 4);
      this.doc.setDrawColor(0).line(x, this.y + 16, x + col - 8, this.y + 16);
    });
    this.y += 22;
  }

  /** Footers on every page, then the file's bytes. */
  finish(): Uint8Array {
    const pages = this.doc.getNumberOfPages();
    for (let p = 1; p <= pages; p++) {
      this.doc.setPage(p);
      this.doc.setFont(FONT, 'normal').setFontSize(7).setTextColor(90);
      this.doc.text(this.header.generated, MARGIN, this.height - 8);
      this.doc.text(this.header.pageLabel(p, pages), this.width - MARGIN, this.height - 8, {
        align: 'right',
      });
    }
    return new Uint8Array(this.doc.output('arraybuffer'));
  }
}

/** '#1976d2' → [25, 118, 210]. */
function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A chart.js dash pattern (screen pixels) as a jsPDF one (mm, about a quarter); none for a solid line. */
function dash(d: jsPDF, pattern: number[] | undefined): void {
  d.setLineDashPattern(pattern ? pattern.map((p) => p / 4) : [], 0);
}

function formatTick(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
