/**
 * A file of lines written in large appends, waiting for each one: memory holds at most one buffer,
 * and a slow disk slows the run down instead of filling memory. Lines come as text or as UTF-8
 * bytes (a worker thread encodes them, so the thread that writes only writes).
 */
import { open, type FileHandle } from 'node:fs/promises';

const FLUSH_AT = 1 << 20;

export class LineFile {
  private buffered: Uint8Array[] = [];
  private size = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly flushedFirst?: LineFile,
  ) {}

  /**
   * `append`: after what the file holds (a resumed run), else from empty. `flushedFirst`: a file
   * whose lines must reach the disk before this one's do.
   */
  static async open(path: string, append: boolean, flushedFirst?: LineFile): Promise<LineFile> {
    return new LineFile(await open(path, append ? 'a' : 'w'), flushedFirst);
  }

  async write(lines: string | Uint8Array): Promise<void> {
    if (lines.length === 0) return;
    const bytes = typeof lines === 'string' ? Buffer.from(lines) : lines;
    this.buffered.push(bytes);
    this.size += bytes.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffered.length === 0) return;
    await this.flushedFirst?.flush();
    const bytes = Buffer.concat(this.buffered, this.size);
    this.buffered = [];
    this.size = 0;
    await this.handle.write(bytes);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }
}
