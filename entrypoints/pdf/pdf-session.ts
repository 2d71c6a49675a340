/**
 * One open PDF in the viewer: loading it, its pages on screen (pdf-pages.ts), and its whole text read
 * in the background for what needs every page: the popup's list and counts, exports, the reader
 * view, whether the document is about policy, and navigation to pages not drawn yet.
 *
 * The highlighter (utils/page/page-highlighter.ts) sees only the drawn pages' text layers; this
 * session fills in the rest, and tells it when the document as a whole turns out to be policy text.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { annotate, isPolicyText, type Annotation } from '@/utils/core/annotate';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import { documentText, judgeText, pageAt, type PdfDocumentText, type PdfTextJudgement } from '@/utils/core/pdf-text';
import type { PhraseMatcher } from '@/utils/core/phrase-matcher';
import type { HighlightLevel } from '@/utils/core/policy-context';
import { logOnce } from '@/utils/core/log';
import type { PageHighlighter, PageMatch } from '@/utils/page/page-highlighter';
import { fetchPdf, OpenError, openPdf, type OpenFailure } from './pdf-loader';
import { PdfPages } from './pdf-pages';
import { paragraphsOf } from './text-layer';

/** What the document's whole text gives: read once, in the background. */
export interface PdfModel {
  judgement: PdfTextJudgement;
  text: PdfDocumentText;
  /** The phrases at the reader's level, as highlighted (offsets index text.text). */
  annotation: Annotation;
  /** The page of each of annotation.matches. */
  pageOfMatch: number[];
}

export type TextState = { kind: 'reading'; read: number } | { kind: 'read'; model: PdfModel };

export type SessionState =
  | { kind: 'empty' }
  | { kind: 'loading'; name: string }
  | { kind: 'failed'; name: string; address: string | null; failure: OpenFailure | { kind: 'broken'; detail: string } }
  | { kind: 'open'; name: string; address: string | null; numPages: number; text: TextState };

export interface SessionOptions {
  document: Document;
  /** Where the pages go. */
  container: HTMLElement;
  highlighter: PageHighlighter | undefined;
  matcher: () => PhraseMatcher;
  entries: ReadonlyMap<string, CompiledEntry>;
  level: HighlightLevel;
}

/** The name to show for an address: its file name, decoded. */
export function nameOf(address: string): string {
  try {
    const last = new URL(address).pathname.split('/').filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : address;
  } catch {
    return address;
  }
}

const pageOfNode = (node: Node): number => Number(node.parentElement?.closest<HTMLElement>('.pdf-page')?.dataset.page ?? 0);

/** Frames to wait, at most, for the highlighter to read a page just drawn. */
const READ_FRAMES = 120;

export class PdfSession {
  state: SessionState = { kind: 'empty' };
  private readonly listeners = new Set<() => void>();
  private pdf: PDFDocumentProxy | undefined;
  private pages: PdfPages | undefined;
  /** Each open gets a number: work of an earlier document that finishes late is dropped. */
  private generation = 0;
  private readonly lastShown = new Map<string, number>();

  constructor(private readonly options: SessionOptions) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  get model(): PdfModel | undefined {
    return this.state.kind === 'open' && this.state.text.kind === 'read' ? this.state.text.model : undefined;
  }

  /** Opens the document at a web address. */
  async openAddress(address: string): Promise<void> {
    const name = nameOf(address);
    const generation = ++this.generation;
    this.close();
    this.set({ kind: 'loading', name });
    try {
      const data = await fetchPdf(address);
      if (generation === this.generation) await this.open(name, address, data, generation);
    } catch (error) {
      if (generation === this.generation) this.fail(name, address, error);
    }
  }

  /** Opens a file the reader chose or dropped. */
  async openFile(file: File): Promise<void> {
    const generation = ++this.generation;
    this.close();
    this.set({ kind: 'loading', name: file.name });
    try {
      const data = await file.arrayBuffer();
      if (generation === this.generation) await this.open(file.name, null, data, generation);
    } catch (error) {
      if (generation === this.generation) this.fail(file.name, null, error);
    }
  }

  private fail(name: string, address: string | null, error: unknown): void {
    if (!(error instanceof OpenError)) logOnce('pdf viewer', 'the document did not open', error);
    const failure =
      error instanceof OpenError ? error.failure : { kind: 'broken' as const, detail: String((error as Error)?.message ?? error) };
    this.set({ kind: 'failed', name, address, failure });
  }

  private async open(name: string, address: string | null, data: ArrayBuffer, generation: number): Promise<void> {
    const pdf = await openPdf(data);
    if (generation !== this.generation) {
      void pdf.destroy();
      return;
    }
    this.pdf = pdf;
    const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
    this.pages = new PdfPages(this.options.document, this.options.container, pdf, first);
    this.set({ kind: 'open', name, address, numPages: pdf.numPages, text: { kind: 'reading', read: 0 } });
    void this.options.highlighter?.start();
    void this.readText(pdf, generation).catch((error: unknown) => logOnce('pdf viewer', 'the text could not be read', error));
  }

  /** Reads every page's text, a page at a time (pdf.js's worker does the parsing). */
  private async readText(pdf: PDFDocumentProxy, generation: number): Promise<void> {
    const pages: string[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      if (generation !== this.generation) return;
      pages.push(paragraphsOf(content).paragraphs.map((p) => p.text));
      if (this.state.kind === 'open') this.set({ ...this.state, text: { kind: 'reading', read: n } });
    }
    const judgement = judgeText(pages.map((p) => p.join('\n')));
    const text = documentText(pages);
    const matcher = this.options.matcher();
    const annotation = annotate(text.text, text.blocks, matcher, this.options.entries, this.options.level);
    const pageOfMatch = annotation.matches.map((m) => pageAt(text.pageStarts, m.start));
    // The drawn pages alone may not show that the document is about policy; the whole text does.
    if (isPolicyText(text.blocks, matcher, this.options.level)) this.options.highlighter?.declarePolicy();
    if (this.state.kind === 'open')
      this.set({ ...this.state, text: { kind: 'read', model: { judgement, text, annotation, pageOfMatch } } });
  }

  private close(): void {
    this.pages?.destroy();
    this.pages = undefined;
    void this.pdf?.destroy();
    this.pdf = undefined;
    this.lastShown.clear();
  }

  /** The highlighter's matches on page `n`, once it has read the page (drawn first if need be). */
  private async matchesOnPage(n: number, show: boolean): Promise<PageMatch[]> {
    const highlighter = this.options.highlighter;
    if (!highlighter || !this.pages) return [];
    await (show ? this.pages.show(n) : this.pages.draw(n));
    const expected = this.model?.pageOfMatch.filter((p) => p === n).length ?? 1;
    for (let frame = 0; frame < READ_FRAMES; frame++) {
      await highlighter.idle();
      const found = highlighter.matches().filter((m) => pageOfNode(m.startNode) === n);
      if (found.length >= expected) return found;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return highlighter.matches().filter((m) => pageOfNode(m.startNode) === n);
  }

  /**
   * The phrase before or after `from` in the whole document: on the same page if there is one,
   * else on the nearest page with phrases (drawn and scrolled to), around the end to the start.
   */
  async step(from: PageMatch, by: 1 | -1): Promise<PageMatch | undefined> {
    const page = pageOfNode(from.startNode);
    const here = await this.matchesOnPage(page, false);
    const next = here[here.indexOf(from) + by];
    if (next) return next;
    const withPhrases = [...new Set(this.model?.pageOfMatch ?? [])];
    if (withPhrases.length === 0) return undefined;
    const target =
      by === 1 ? (withPhrases.find((p) => p > page) ?? withPhrases[0]) : (withPhrases.findLast((p) => p < page) ?? withPhrases.at(-1)!);
    const there = await this.matchesOnPage(target, true);
    return by === 1 ? there[0] : there.at(-1);
  }

  /** Where a match stands among the document's: "5 of 42". */
  position(match: PageMatch): { position: number; total: number } {
    const model = this.model;
    const highlighter = this.options.highlighter;
    if (!model || !highlighter) return { position: 1, total: 1 };
    const page = pageOfNode(match.startNode);
    const before = model.pageOfMatch.filter((p) => p < page).length;
    const onPage = highlighter.matches().filter((m) => pageOfNode(m.startNode) === page);
    return { position: before + onPage.indexOf(match) + 1, total: model.annotation.matches.length };
  }

  /** The first phrase after the top of the screen (keyboard navigation with nothing shown yet). */
  async firstInView(by: 1 | -1): Promise<PageMatch | undefined> {
    const withPhrases = [...new Set(this.model?.pageOfMatch ?? [])];
    const boxes = [...this.options.container.querySelectorAll<HTMLElement>('.pdf-page')];
    const top = boxes.find((b) => b.getBoundingClientRect().bottom > 0);
    const page = Number(top?.dataset.page ?? 1);
    const target =
      by === 1 ? (withPhrases.find((p) => p >= page) ?? withPhrases[0]) : (withPhrases.findLast((p) => p <= page) ?? withPhrases.at(-1));
    if (target === undefined) return undefined;
    const there = await this.matchesOnPage(target, true);
    return by === 1 ? there[0] : there.at(-1);
  }

  /** The popup's "show on the page": the next occurrence of `id` after the last one shown. */
  async showPhrase(id: string): Promise<PageMatch | undefined> {
    const model = this.model;
    if (!model) return undefined;
    const indexes = model.annotation.matches.flatMap((m, i) => (m.id === id ? [i] : []));
    if (indexes.length === 0) return undefined;
    const previous = this.lastShown.get(id);
    const index = indexes[(previous === undefined ? 0 : indexes.indexOf(previous) + 1) % indexes.length];
    this.lastShown.set(id, index);
    const page = model.pageOfMatch[index];
    const ordinal = indexes.filter((i) => i < index && model.pageOfMatch[i] === page).length;
    const onPage = (await this.matchesOnPage(page, true)).filter((m) => m.id === id);
    return onPage[Math.min(ordinal, onPage.length - 1)];
  }
}
