import { createWriteStream, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { AppError } from '../../../shared/contract';

/**
 * Writes an export line by line to `FILE.partial` and renames it to FILE only when everything is written, so a
 * cancelled or failed export never leaves a file that looks complete. Waits for the disk when its buffer is
 * full: memory stays bounded whatever the size of the facility.
 */
export class LineWriter {
  private readonly stream: WriteStream;
  private readonly partial: string;
  private failure: Error | null = null;
  bytes = 0;

  constructor(readonly file: string) {
    this.partial = `${file}.partial`;
    // Opened now, so a folder that cannot be written is said at once rather than after the first page.
    const fd = openSync(this.partial, 'w', 0o600);
    this.stream = createWriteStream(this.partial, { fd });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  private check(): void {
    if (this.failure)
      throw new AppError('DATABASE', 'The export file could not be written (is the disk full?).');
  }

  async write(text: string): Promise<void> {
    this.check();
    this.bytes += Buffer.byteLength(text);
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    this.check();
    renameSync(this.partial, this.file);
  }

  async abort(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    rmSync(this.partial, { force: true });
  }
}

/** Runs `work` with a writer; on any failure (or cancel) the partial file is removed. */
export async function writeAtomically<T>(file: string, work: (w: LineWriter) => Promise<T>): Promise<T> {
  let writer: LineWriter;
  try {
    writer = new LineWriter(file);
  } catch {
    throw new AppError('VALIDATION', 'The export file cannot be written in that folder.');
  }
  try {
    const result = await work(writer);
    await writer.commit();
    return result;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
