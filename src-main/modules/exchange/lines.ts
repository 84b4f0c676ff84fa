import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../../shared/contract';

const CHUNK = 1 << 20;

/**
 * The lines of a file, read synchronously 1 MB at a time (so an import can run inside one SQLite transaction
 * without holding the file in memory). Yields [lineNumber, text], numbered from 1 as an editor shows them.
 */
export function* linesOf(file: string): Generator<[number, string]> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new AppError('NOT_FOUND', 'The file cannot be opened: check its name and folder.');
  }
  const buffer = Buffer.alloc(CHUNK);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNo = 0;
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      // The decoder keeps a character cut in two by the chunk boundary for the next chunk.
      const text = carry + decoder.write(buffer.subarray(0, n));
      const parts = text.split('\n');
      carry = parts.pop() ?? '';
      for (const part of parts) yield [++lineNo, part];
    }
    carry += decoder.end();
    if (carry !== '') yield [++lineNo, carry];
  } finally {
    closeSync(fd);
  }
}
