/**
 * The progress bar of `tifa corpus`, on standard error when it is a terminal (nothing at all
 * otherwise): documents done, MB/s, and an ETA once the number of documents is known.
 */

const REDRAW_MS = 200;
const WIDTH = 24;

export class Progress {
  private done = 0;
  private bytes = 0;
  private total?: number;
  private drawn = 0;
  private readonly started = performance.now();

  constructor(private readonly write: (text: string) => void) {}

  /** The number of documents to do, when counting them has finished. */
  setTotal(total: number): void {
    this.total = total;
  }

  advance(bytes: number): void {
    this.done++;
    this.bytes += bytes;
    const now = performance.now();
    if (now - this.drawn >= REDRAW_MS) {
      this.drawn = now;
      this.draw(now);
    }
  }

  /** Clears the bar, leaving the line to what is printed next. */
  finish(): void {
    this.write('\r\x1b[K');
  }

  private draw(now: number): void {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.bytes / 1e6 / seconds : 0;
    const total = this.total;
    let bar = '';
    let eta = '';
    if (total !== undefined && total > 0) {
      const share = Math.min(1, this.done / total);
      const filled = Math.round(share * WIDTH);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] `;
      const left = this.done > 0 ? (seconds / this.done) * (total - this.done) : Number.NaN;
      eta = Number.isFinite(left) ? ` · ETA ${clock(left)}` : '';
    }
    const count = total === undefined ? `${this.done}` : `${this.done}/${total}`;
    this.write(`\r\x1b[K${bar}${count} documents · ${rate.toFixed(1)} MB/s${eta}`);
  }
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
