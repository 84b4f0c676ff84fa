// RFC 4180 CSV as spreadsheets write it: optional BOM, ',' or ';' (French Excel) or tab separators, quoted
// cells with "" escapes and line breaks, CRLF/LF/CR line ends.

export interface CsvRecord {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** The separator the header line uses most (outside quotes). */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((sep) => ({ sep, n: unquoted.split(sep).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.sep : ',';
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = detectSeparator(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    // A blank line is not a record (spreadsheets leave them at the end).
    if (!(cells.length === 1 && cells[0] === '')) records.push({ row, cells });
    row++;
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
      i++;
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new CsvError(row, 'a quoted cell is never closed (a " is missing)');
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** One cell for a CSV file (quoted when it holds a separator, quote or line break). */
export function csvCell(value: string, sep = ','): string {
  return /["\r\n]/.test(value) || value.includes(sep) ? `"${value.replace(/"/g, '""')}"` : value;
}
