// The shared PDF layer (reports now, documents and cards later): A4 pages with the facility header, tables
// (jspdf-autotable), simple vector charts, signature lines, and a footer with page numbers and the time it
// was generated. Charts are drawn with jsPDF primitives so the CLI and the app make the same file with no canvas.
import { jsPDF } from 'jspdf';
import { autoTable, type RowInput } from 'jspdf-autotable';
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
  labels: string[];
  series: { label: string; values: (number | null)[]; color: [number, number, number] }[];
  /** A horizontal reference line (e.g. Sphere 75 %). */
  threshold?: { value: number; label: string };
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
    d.setFont(FONT, 'bold')
      .setFontSize(14)
      .text(this.header.facilityName, MARGIN, MARGIN + 2);
    d.setFont(FONT, 'normal').setFontSize(9);
    d.text(`${this.header.facilityCode} · ${this.header.district}`, MARGIN, MARGIN + 7);
    d.setFont(FONT, 'bold')
      .setFontSize(12)
      .text(this.header.title, this.width - MARGIN, MARGIN + 2, { align: 'right' });
    d.setFont(FONT, 'normal')
      .setFontSize(10)
      .text(this.header.period, this.width - MARGIN, MARGIN + 7, { align: 'right' });
    d.setDrawColor(120).line(MARGIN, MARGIN + 10, this.width - MARGIN, MARGIN + 10);
    this.y = MARGIN + 16;
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

  /** A grouped bar chart (one bar per series per label), with an optional threshold line. */
  chart(c: PdfChart, height = 55): void {
    this.room(height + 14);
    this.heading(c.title);
    const d = this.doc;
    const left = MARGIN + 10;
    const top = this.y + 2;
    const w = this.width - left - MARGIN;
    const values = c.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    const max = Math.max(1, c.threshold?.value ?? 0, ...values);
    const scale = (v: number) => top + height - (v / max) * height;
    d.setDrawColor(150)
      .setLineWidth(0.2)
      .line(left, top, left, top + height)
      .line(left, top + height, left + w, top + height);
    d.setFont(FONT, 'normal').setFontSize(6).setTextColor(60);
    for (const tick of [0, max / 2, max])
      d.text(formatTick(tick), left - 1, scale(tick) + 1, { align: 'right' });
    const group = w / Math.max(1, c.labels.length);
    const bar = (group * 0.8) / Math.max(1, c.series.length);
    c.labels.forEach((label, i) => {
      c.series.forEach((s, j) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        d.setFillColor(...s.color).rect(
          left + i * group + group * 0.1 + j * bar,
          scale(v),
          bar,
          top + height - scale(v),
          'F',
        );
      });
      d.text(label, left + i * group + group / 2, top + height + 3.5, { align: 'center' });
    });
    if (c.threshold) {
      d.setDrawColor(200, 0, 0)
        .setLineWidth(0.3)
        .line(left, scale(c.threshold.value), left + w, scale(c.threshold.value));
      d.setTextColor(200, 0, 0).text(c.threshold.label, left + w, scale(c.threshold.value) - 1, {
        align: 'right',
      });
    }
    let x = left;
    for (const s of c.series) {
      d.setFillColor(...s.color).rect(x, top + height + 6, 3, 2, 'F');
      d.setTextColor(40).text(s.label, x + 4, top + height + 7.8);
      x += 6 + d.getTextWidth(s.label);
    }
    d.setTextColor(0);
    this.y = top + height + 14;
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

function formatTick(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
