/**
 * Highlights every glossary phrase in a live page without modifying it, at a cost that follows what
 * is on screen rather than the size of the page.
 *
 * - Text is read block by block (utils/page/page-text.ts) and matched; every match of the page is
 *   kept (the popup's list, counts, navigation and exports need them all).
 * - Only matches in or near the viewport (one viewport above and below) are registered with the
 *   painter, a frame's worth at a time, following scrolling and resizing.
 * - The first pass reads the page in slices, top first; each slice's blocks are observed at once,
 *   so what is on screen is highlighted in the first frames while the rest is still being read.
 * - Changes cost what they touch: removed nodes take their own matches with them, and a batch of
 *   changes re-reads only the blocks it changed.
 * - On a page without Chinese it reads nothing more than it must: it waits for Chinese text to
 *   arrive, checking only what the mutations add.
 * - Set formulas wait for evidence that the page is about policy (utils/core/policy-context.ts):
 *   until then they are kept but neither registered nor listed, and the block that brings the
 *   evidence releases every one of them.
 *
 * This class composes four parts, each in utils/page/highlighter/:
 * - page-reader.ts: reading and matching (blocks, the matcher, the policy context, the first
 *   pass's slices);
 * - match-index.ts: every match, by element, by text node and in document order;
 * - viewport-registration.ts: what is registered with the painter (the IntersectionObserver,
 *   provisional registration, frame-sized batches, big blocks windowed, the registry guard);
 * - mutation-follower.ts: the page's changes (MutationObservers, batching, rescans, pause and
 *   resume around a conversion, shadow roots).
 */
import type { PhraseMatcher } from '../core/phrase-matcher';
import type { HighlightLevel } from '../core/policy-context';
import type { HighlightPainter } from './highlight-painter';
import { type BlockRecord, MatchIndex, type PageMatch } from './highlighter/match-index';
import { MutationFollower } from './highlighter/mutation-follower';
import { type Block, PageReader } from './highlighter/page-reader';
import { ViewportRegistration } from './highlighter/viewport-registration';
import { type CollectOptions, pageHasChinese } from './page-text';

export { PageMatch } from './highlighter/match-index';

export interface PageHighlighterOptions {
  /** Called once, when the page turns out to hold Chinese: pages without it never decode it. */
  matcher: () => PhraseMatcher;
  painter: HighlightPainter;
  /**
   * The reader's highlight level: at 'context', the matcher's formula entries are shown only once
   * the page is about policy. Without it (extension pages), every match is shown.
   */
  level?: HighlightLevel;
  /** Elements of our own UI, never read. */
  isOwnUi?: (element: Element) => boolean;
  /** Limits highlighting to some blocks (the article): given a block's owner element. */
  inScope?: (owner: Node) => boolean;
  /**
   * Called when the first pass is done (also on a page without Chinese, with 0) and after each
   * batch of changes: tests and benchmarks wait on it instead of sleeping.
   */
  /** `work`: for the first pass, the milliseconds of its own slices (waits for the page left out). */
  onSettled?: (kind: 'first-pass' | 'update', count: number, work?: number) => void;
  /** Called once, after the first frame that shows highlights (tests and benchmarks). */
  onFirstVisible?: () => void;
}

const ELEMENT_NODE = 1;

export class PageHighlighter {
  private readonly index = new MatchIndex();
  private readonly reader: PageReader;
  private readonly registration: ViewportRegistration;
  private readonly follower: MutationFollower;
  private readonly collect: CollectOptions;
  private running = false;
  /** The page has shown Chinese: it has been read, and changes are read as they come. */
  private active = false;
  private scanning: Promise<void> = Promise.resolve();

  constructor(
    private readonly document: Document,
    private readonly options: PageHighlighterOptions,
  ) {
    this.reader = new PageReader({
      matcher: options.matcher,
      level: options.level,
      inScope: options.inScope,
      onPolicy: () => this.registration.releaseHeldBack(),
    });
    this.registration = new ViewportRegistration(document, options.painter, this.index, this.reader, options.onFirstVisible);
    this.collect = {
      shadowRoots: true,
      skip: options.isOwnUi,
      // Every open shadow root met while reading is watched, empty ones too: web components fill
      // their roots later.
      onShadowRoot: (root) => this.follower.observeOnce(root),
    };
    const self = this;
    this.follower = new MutationFollower(
      document,
      this.collect,
      {
        painter: options.painter,
        index: this.index,
        reader: this.reader,
        scheduleFrame: () => this.registration.scheduleFrame(),
        isOwnUi: options.isOwnUi,
      },
      {
        isRunning: () => this.running,
        isActive: () => this.active,
        activate: () => this.activate(),
        get scanning() {
          return self.scanning;
        },
        set scanning(next) {
          self.scanning = next;
        },
        add: (block) => this.addBlock(block),
        remove: (record) => this.removeRecord(record),
        updated: () => {
          if (this.running) this.options.onSettled?.('update', this.count);
        },
      },
    );
  }

  /** Starts highlighting: the first pass (if the page has Chinese) and the observers. */
  start(): Promise<void> {
    if (this.running) return this.scanning;
    this.running = true;
    this.follower.start();
    this.registration.start();
    const body = this.document.body;
    if (body && pageHasChinese(body)) this.activate();
    else this.scanning = this.scanning.then(() => this.options.onSettled?.('first-pass', 0));
    return this.scanning;
  }

  /** Stops observing and removes every highlight. */
  stop(): void {
    this.running = false;
    this.active = false;
    this.follower.stop();
    this.registration.stop();
    this.index.clear();
    this.reader.forgetContext();
    this.options.painter.clear();
  }

  /** Resolves when the work queued so far is done (tests and benchmarks wait on it). */
  idle(): Promise<void> {
    return this.scanning;
  }

  /** Every match of the page that is shown (on screen or not). */
  get count(): number {
    return this.reader.holdsBack ? this.matches().length : this.index.total;
  }

  /** How many matches are registered with the painter now (those near the viewport). */
  get registered(): number {
    return this.registration.registered;
  }

  /** Every match of the page that is shown, in document order. */
  matches(): PageMatch[] {
    const all = this.index.inOrder();
    return this.reader.holdsBack ? all.filter((m) => this.reader.shows(m)) : all;
  }

  /** Open shadow roots that are read (hit-testing needs to look into them). */
  shadowRoots(): ShadowRoot[] {
    return this.follower.shadowRoots;
  }

  /** The match covering `offset` in text node `node`, if any. */
  matchAt(node: Node, offset: number): PageMatch | undefined {
    const match = this.index.matchAt(node, offset);
    return match && this.reader.shows(match) ? match : undefined;
  }

  /**
   * Registers a match now, whatever the viewport (navigation scrolls to it next: it must be
   * highlighted when it arrives, not a frame later).
   */
  reveal(match: PageMatch): void {
    this.registration.reveal(match);
  }

  /**
   * The page is policy text by evidence the highlighter has not read (the rest of a PDF): set
   * formulas are shown at once, those held back included.
   */
  declarePolicy(): void {
    this.reader.declarePolicy();
  }

  /** A shadow root the page attached (reported by the page-world script): read it and watch it. */
  addShadowRoot(root: ShadowRoot): void {
    this.follower.addShadowRoot(root);
  }

  /**
   * While a conversion rewrites the page, the highlighter stops listening and re-reads the whole
   * page once on resume, keeping every highlight whose match did not change.
   */
  pause(): void {
    this.follower.pause();
  }

  resume(): void {
    this.follower.resume();
  }

  private activate(): void {
    this.active = true;
    this.registration.startGuard();
    this.scanning = this.scanning.then(() => this.firstPass());
  }

  private async firstPass(): Promise<void> {
    const body = this.document.body;
    if (!body || !this.running) return;
    this.index.startInOrder();
    const work = await this.reader.firstPass(body, this.collect, {
      isRunning: () => this.running,
      add: (block) => this.addBlock(block, true),
      showProvisionally: (record) => this.registration.showProvisionally(record),
      flushProvisional: () => this.registration.flushProvisional(),
    });
    if (work !== undefined && this.running) this.options.onSettled?.('first-pass', this.count, work);
  }

  /** Reads one block's matches and records them; returns the record (undefined without matches). */
  private addBlock(block: Block, inOrder = false): BlockRecord | undefined {
    const { matches, covered } = this.reader.matchesOf(block);
    if (matches.length === 0) return undefined;
    const element = (block.owner.nodeType === ELEMENT_NODE ? (block.owner as Element) : null) ?? block.nodes[0].parentElement;
    if (!element) return undefined;
    const record: BlockRecord = { matches, covered, element, shown: new Set(), visible: false };
    const sibling = this.index.add(record, inOrder);
    if (sibling) this.registration.joined(record, sibling);
    else this.registration.watch(element);
    return record;
  }

  private removeRecord(record: BlockRecord): void {
    const removal = this.index.remove(record);
    if (removal !== 'absent') this.registration.forget(record, removal === 'emptied');
  }
}
