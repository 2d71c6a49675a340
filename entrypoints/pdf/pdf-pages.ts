/**
 * The document's pages on screen. Every page has a box of its size from the start (so the scroll bar
 * and the page list are right), but only the pages near the viewport are drawn: their canvas and
 * their text layer are made as they come near and taken away as they go far, so a 250-page record
 * costs what a few pages cost. The highlighter follows the text layers coming and going like any
 * page's changes.
 */
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { buildTextLayer, paragraphsOf } from './text-layer';

/** Pages are drawn while within this distance of the viewport, and taken away beyond the second. */
const DRAW_MARGIN = '150% 0px';
const KEEP_MARGIN = '400% 0px';
/** The widest a page is shown, in CSS pixels per PDF unit (a point). */
const MAX_SCALE = 1.5;

/**
 * Each page's newest report. A batch can hold an old one before the current one: the pages are
 * observed while still hidden, and on a loaded machine that report and the one taken once they show
 * arrive together. Acting on both released page 1 just after it began to be drawn, and it was never
 * drawn again (it stayed near, so no new report came).
 */
function latestByTarget(records: IntersectionObserverEntry[]): IntersectionObserverEntry[] {
  return [...new Map(records.map((r) => [r.target, r])).values()];
}

interface PageState {
  box: HTMLElement;
  /** Settles when the page is drawn (its text layer in place). */
  drawn?: Promise<void>;
  render?: RenderTask;
  page?: PDFPageProxy;
}

export class PdfPages {
  private readonly pages: PageState[] = [];
  private readonly near: IntersectionObserver;
  private readonly far: IntersectionObserver;
  readonly scale: number;

  constructor(
    private readonly document: Document,
    private readonly container: HTMLElement,
    private readonly pdf: PDFDocumentProxy,
    firstPageSize: { width: number; height: number },
    private readonly onDrawn: (pageNumber: number) => void = () => {},
  ) {
    // The window's width, not the container's: the container is still hidden while the first page loads.
    const available = Math.max(200, document.documentElement.clientWidth - 32);
    this.scale = Math.min(MAX_SCALE, available / firstPageSize.width);
    for (let n = 1; n <= pdf.numPages; n++) {
      const box = document.createElement('section');
      box.className = 'pdf-page';
      box.dataset.page = String(n);
      box.setAttribute('aria-label', `Page ${n}`);
      // Until a page is drawn, it is given the first page's size (most documents have one size).
      box.style.width = `${firstPageSize.width * this.scale}px`;
      box.style.height = `${firstPageSize.height * this.scale}px`;
      container.append(box);
      this.pages.push({ box });
    }
    this.near = new IntersectionObserver(
      (records) => {
        for (const r of latestByTarget(records)) if (r.isIntersecting) void this.draw(this.numberOf(r.target));
      },
      { rootMargin: DRAW_MARGIN },
    );
    this.far = new IntersectionObserver(
      (records) => {
        for (const r of latestByTarget(records)) if (!r.isIntersecting) this.release(this.numberOf(r.target));
      },
      { rootMargin: KEEP_MARGIN },
    );
    for (const { box } of this.pages) {
      this.near.observe(box);
      this.far.observe(box);
    }
  }

  private numberOf(box: Element): number {
    return Number((box as HTMLElement).dataset.page);
  }

  /** The box of page `n` (from 1). */
  box(n: number): HTMLElement | undefined {
    return this.pages[n - 1]?.box;
  }

  /** Draws page `n` if it is not drawn; settles once its text layer is in place. */
  draw(n: number): Promise<void> {
    const state = this.pages[n - 1];
    if (!state) return Promise.resolve();
    state.drawn ??= this.drawPage(n, state);
    return state.drawn;
  }

  /** Scrolls page `n` into view and waits until it is drawn. */
  async show(n: number): Promise<void> {
    this.box(n)?.scrollIntoView({ block: 'start', behavior: 'instant' });
    await this.draw(n);
  }

  private async drawPage(n: number, state: PageState): Promise<void> {
    const page = await this.pdf.getPage(n);
    state.page = page;
    const viewport = page.getViewport({ scale: this.scale });
    state.box.style.width = `${viewport.width}px`;
    state.box.style.height = `${viewport.height}px`;
    // The text layer goes in first: its highlights show while the canvas is still being painted.
    const content = await page.getTextContent();
    if (state.page !== page) return; // released meanwhile
    const layer = buildTextLayer(this.document, content, viewport, paragraphsOf(content));
    const canvas = this.document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    const ratio = this.document.defaultView?.devicePixelRatio ?? 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    state.box.replaceChildren(canvas, layer);
    this.onDrawn(n);
    const render = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    state.render = render;
    try {
      await render.promise;
      performance.mark('tifa-pdf-painted', { detail: n });
    } catch (error) {
      // Released while painting: pdf.js cancels the task, which is not a failure.
      if ((error as Error)?.name !== 'RenderingCancelledException') throw error;
    }
  }

  private release(n: number): void {
    const state = this.pages[n - 1];
    if (!state?.drawn) return;
    state.render?.cancel();
    for (const canvas of state.box.querySelectorAll('canvas')) {
      // A canvas's pixels are freed when it has none, not when it leaves the document.
      canvas.width = 0;
      canvas.height = 0;
    }
    state.box.replaceChildren();
    state.page?.cleanup();
    state.page = undefined;
    state.render = undefined;
    state.drawn = undefined;
  }

  destroy(): void {
    this.near.disconnect();
    this.far.disconnect();
    for (let n = 1; n <= this.pages.length; n++) this.release(n);
    this.container.replaceChildren();
  }
}
