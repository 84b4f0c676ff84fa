import { describe, expect, it } from 'vitest';
import { csvCell, CsvError, detectSeparator, parseCsv } from '../../../src-main/modules/imports/csv';
import { parseDateCell } from '../../../src-main/modules/imports/patient-columns';

describe('CSV as spreadsheets write it', () => {
  it('reads quoted cells with separators, quotes and line breaks, CRLF, BOM, and skips blank lines', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n1,2,3\r\n';
    expect(parseCsv(text)).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['x, y', 'say "hi"', 'two\nlines'] },
      { row: 4, cells: ['1', '2', '3'] },
    ]);
  });

  it('detects French Excel semicolons and tabs', () => {
    expect(detectSeparator('nom;prénom;"a,b"\n')).toBe(';');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(parseCsv('a;b\n1;"2;3"')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2;3'] },
    ]);
  });

  it('names the row of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,"2\n3,4')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"2\n3,4');
    } catch (error) {
      expect((error as CsvError).row).toBe(2);
    }
  });

  it('writes cells that need quoting', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('reads ISO and day-first dates, and nothing ambiguous or unreal', () => {
    expect(parseDateCell('2023-04-15')).toBe('2023-04-15');
    expect(parseDateCell('15/04/2023')).toBe('2023-04-15');
    expect(parseDateCell('5.4.2023')).toBe('2023-04-05');
    expect(parseDateCell('31/02/2023')).toBeNull();
    expect(parseDateCell('04/15/23')).toBeNull();
  });
});
