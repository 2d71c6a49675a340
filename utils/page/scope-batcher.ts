/**
 * Batches the parts of a page that changed: scripts change pages in bursts (a list rendered item by
 * item, a paragraph typed in), and reading each change on its own would read the same block many
 * times. Scopes gather for a short while, then the outermost ones still in the page are handed over
 * at once. The highlighter and the converter both watch the page this way.
 */
import { outermostScopes } from './page-text';

export const MUTATION_BATCH_MS = 100;

export class ScopeBatcher {
  private readonly pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private touched = false;

  constructor(
    private readonly onBatch: (scopes: Node[], touched: boolean) => void,
    private readonly delayMs = MUTATION_BATCH_MS,
  ) {}

  /** A subtree to read again. */
  add(scope: Node): void {
    this.pending.add(scope);
    this.schedule();
  }

  /** Something changed that needs no re-reading (text removed): the batch still runs. */
  touch(): void {
    this.touched = true;
    this.schedule();
  }

  get size(): number {
    return this.pending.size;
  }

  /** The scopes gathered so far, outermost and still in the page (or in a shadow root), now. */
  take(): Node[] {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.touched = false;
    const scopes = [...this.pending].filter((s) => s.isConnected || s.getRootNode() !== s);
    this.pending.clear();
    return outermostScopes(scopes);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.touched = false;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const touched = this.touched;
      const scopes = this.take();
      if (scopes.length > 0 || touched) this.onBatch(scopes, touched);
    }, this.delayMs);
  }
}
