/**
 * Highlights every glossary phrase in a live page without modifying it, at a cost that follows what
 * is on screen rather than the size of the page.
 *
 * - Text is read block by block (utils/page/page-text.ts) and matched; every match of the page is
 *   kept (the popup's list, counts, navigation and exports need them all).
 * - Only matches in or near the viewport (one viewport above and below) are registered with the
 *   painter: an IntersectionObserver watches the elements that hold matches, and registration
 *   follows scrolling and resizing, a frame's worth at a time. The browser re-validates every
 *   registered highlight after any change to the page (~180 ms a change with 19,000 of them on a
 *   1 MB page), so registering what can be seen keeps every later change cheap.
 * - The first pass reads the page in slices, top first; each slice's blocks are observed at once,
 *   so what is on screen is highlighted in the first frames while the rest is still being read.
 * - Changes cost what they touch: removed nodes take their own matches with them, and a batch of
 *   changes re-reads only the blocks it changed.
 * - On a page without Chinese it reads nothing more than it must: it waits for Chinese text to
 *   arrive, checking only what the mutations add.
 * - Set formulas wait for evidence that the page is about policy (utils/core/policy-context.ts):
 *   until then they are kept but neither registered nor listed, and the block that brings the
 *   evidence releases every one of them.
 */
import { hasChinese } from '../core/fold';
import type { PhraseMatcher } from '../core/phrase-matcher';
import { PolicyContext, isQuoted, type HighlightLevel } from '../core/policy-context';
import type { HighlightPainter } from './highlight-painter';
import {
  blockScopeOf,
  isBlockElement,
  isInsideSkipped,
  iterateBlocks,
  nodeAt,
  openShadowRoots,
  pageHasChinese,
  type CollectOptions,
  type TextBlock,
} from './page-text';
import { ScopeBatcher } from './scope-batcher';
import { afterNextFrame, yieldToPage } from './yield-to-page';

/**
 * One match in the page. Its StaticRange is made when it is first needed (registered, shown, hit):
 * a page with 60,000 matches would otherwise hold 60,000 range objects the garbage collector must
 * trace, for the few hundred ever on screen.
 */
export class PageMatch {
  private made: StaticRange | undefined;
  constructor(
    readonly id: string,
    /** Index into the matcher's entries. */
    readonly entry: number,
    readonly startNode: Text,
    readonly startOffset: number,
    readonly endNode: Text,
    readonly endOffset: number,
    /** Between quotation marks in its block: a set formula there is shown on any page. */
    readonly quoted = false,
  ) {}

  get range(): StaticRange {
    this.made ??= new StaticRange({
      startContainer: this.startNode,
      startOffset: this.startOffset,
      endContainer: this.endNode,
      endOffset: this.endOffset,
    });
    return this.made;
  }

  sameAs(other: PageMatch): boolean {
    return (
      this.entry === other.entry &&
      this.startNode === other.startNode &&
      this.startOffset === other.startOffset &&
      this.endNode === other.endNode &&
      this.endOffset === other.endOffset
    );
  }
}

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

/** One reading slice a frame: with the page's own work, under the 50 ms long-frame mark. */
const SLICE_MS = 10;
/**
 * More text than a screen holds: 80 characters by 45 lines of 16 px type fill a 1280 × 720
 * window with 3,600, and the top of a page also holds menus, some of them hidden.
 */
const FIRST_SCREEN_CHARS = 8000;
/** How long the first slice may go on to read that much. */
const FIRST_SLICE_CAP_MS = 30;
/**
 * The first this-many milliseconds of the pass's own work go in slices with plain yields, without
 * waiting for frames: a page of ordinary size is read whole before its first frame after
 * DOMContentLoaded. Counted in work, not time: what the page runs between our slices (its parser,
 * its scripts) would otherwise use up the budget.
 */
const EAGER_MS = 60;
/**
 * …but only on a page of at most this many elements, which that budget reads whole (about 4 µs an
 * element here, on text cut every few characters). A bigger page is read one slice a frame from the
 * start: measured on the 1 MB stress page (35,000 elements), reading 60 ms of it first made the
 * page's first frame after DOMContentLoaded 120 ms long and its visible highlights come at 100 ms;
 * one slice a frame, 68 ms and 52 ms. Its visible part is in the first slice anyway. Telling the
 * two apart walks at most this many elements (see firstPass).
 */
const EAGER_ELEMENTS = 12_000;
/** Script time per frame for registering highlights. */
const REGISTER_MS = 6;
/** One viewport above and below is registered ahead of scrolling. */
const ROOT_MARGIN = '100% 0px 100% 0px';
/** Blocks with more matches than this register only the part of them near the viewport. */
const BIG_BLOCK = 64;
/**
 * Until the browser first reports what is on screen (a frame or two after the pass begins), the
 * first matches read — the top of the page, which is what is on screen at DOMContentLoaded — are
 * registered as they are read, up to this many. The report then corrects them.
 */
const PROVISIONAL_LIMIT = 150;
/**
 * How often our registered highlights are checked for: a page may clear the shared registry, and
 * they stay off screen until the check (a few map lookups) puts them back.
 */
const GUARD_MS = 250;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** One block of text and its matches: the unit that is read, observed and registered. */
interface BlockRecord {
  matches: PageMatch[];
  /**
   * The text nodes its matches cover. Only these are indexed (not every node of the block): on an
   * 8 MB page, indexing all 390,000 text nodes made the garbage collector stall the page.
   */
  covered: Text[];
  /** The element the IntersectionObserver watches for it. */
  element: Element;
  /** Matches currently registered with the painter. */
  shown: Set<PageMatch>;
  visible: boolean;
}

export class PageHighlighter {
  /** Every block with matches, by its watched element (several blocks may share one). */
  private readonly byElement = new Map<Element, Set<BlockRecord>>();
  /** The block record of every text node that belongs to a block with matches. */
  private readonly byNode = new Map<Text, BlockRecord>();
  private total = 0;
  private ordered: PageMatch[] | undefined;
  private readonly observers: MutationObserver[] = [];
  private readonly observedRoots = new WeakSet<Node>();
  private readonly knownShadowRoots: ShadowRoot[] = [];
  private readonly observerRoots = new Map<MutationObserver, Node>();
  private readonly collect: CollectOptions;
  private readonly batcher = new ScopeBatcher((scopes) => {
    this.scanning = this.scanning.then(() => this.rescan(scopes));
  });
  private visibility: IntersectionObserver | undefined;
  /** Registration work for the next frames: records to show or hide, big records to window again. */
  private readonly toShow = new Set<BlockRecord>();
  private readonly toHide = new Set<BlockRecord>();
  private frame = 0;
  private firstVisibleSignalled = false;
  /** False once the IntersectionObserver has reported: provisional registration ends then. */
  private provisional = true;
  private provisionalCount = 0;
  private readonly visibleBig = new Set<BlockRecord>();
  private running = false;
  private scanning: Promise<void> = Promise.resolve();
  private active = false;
  private paused = false;
  private matcher: PhraseMatcher | undefined;
  private context: PolicyContext | undefined;
  private readonly onScroll = () => {
    if (this.visibleBig.size > 0) for (const record of this.visibleBig) this.toShow.add(record);
    this.scheduleFrame();
    this.options.painter.ensureRegistered?.();
  };
  /** Puts our highlights back if a page script cleared the shared registry (see the painter). */
  private guard: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly document: Document,
    private readonly options: PageHighlighterOptions,
  ) {
    this.collect = {
      shadowRoots: true,
      skip: options.isOwnUi,
      // Every open shadow root met while reading is watched, empty ones too: web components fill
      // their roots later.
      onShadowRoot: (root) => {
        if (!this.observedRoots.has(root)) this.observe(root);
      },
    };
  }

  /** Starts highlighting: the first pass (if the page has Chinese) and the observers. */
  start(): Promise<void> {
    if (this.running) return this.scanning;
    this.running = true;
    this.observe(this.document);
    const view = this.document.defaultView;
    view?.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    view?.addEventListener('resize', this.onScroll, { passive: true });
    const body = this.document.body;
    if (body && pageHasChinese(body)) this.activate();
    else this.scanning = this.scanning.then(() => this.options.onSettled?.('first-pass', 0));
    return this.scanning;
  }

  /** Stops observing and removes every highlight. */
  stop(): void {
    this.running = false;
    this.active = false;
    clearInterval(this.guard);
    this.guard = undefined;
    for (const observer of this.observers) observer.disconnect();
    this.observers.length = 0;
    this.observerRoots.clear();
    this.visibility?.disconnect();
    this.visibility = undefined;
    const view = this.document.defaultView;
    view?.removeEventListener('scroll', this.onScroll, { capture: true });
    view?.removeEventListener('resize', this.onScroll);
    if (this.frame) view?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.paused = false;
    this.batcher.cancel();
    this.byElement.clear();
    this.byNode.clear();
    this.toShow.clear();
    this.toHide.clear();
    this.visibleBig.clear();
    this.total = 0;
    this.ordered = undefined;
    this.context = undefined;
    this.options.painter.clear();
  }

  /** Resolves when the work queued so far is done (tests and benchmarks wait on it). */
  idle(): Promise<void> {
    return this.scanning;
  }

  /** Every match of the page that is shown (on screen or not). */
  get count(): number {
    return this.context?.isPolicy === false ? this.matches().length : this.total;
  }

  /** How many matches are registered with the painter now (those near the viewport). */
  get registered(): number {
    let n = 0;
    for (const records of this.byElement.values()) for (const record of records) n += record.shown.size;
    return n;
  }

  /** Every match of the page that is shown, in document order. */
  matches(): PageMatch[] {
    const all = this.allMatches();
    return this.context?.isPolicy === false ? all.filter((m) => this.shows(m)) : all;
  }

  private allMatches(): PageMatch[] {
    if (!this.ordered) {
      const elements = [...this.byElement.keys()].sort(compareNodes);
      const ordered: PageMatch[] = [];
      for (const element of elements) {
        const records = [...this.byElement.get(element)!].sort((a, b) => compareNodes(a.matches[0].startNode, b.matches[0].startNode));
        for (const record of records) ordered.push(...record.matches);
      }
      this.ordered = ordered;
    }
    return this.ordered;
  }

  /** Open shadow roots that are read (hit-testing needs to look into them). */
  shadowRoots(): ShadowRoot[] {
    return this.knownShadowRoots;
  }

  /** The match covering `offset` in text node `node`, if any. */
  matchAt(node: Node, offset: number): PageMatch | undefined {
    if (node.nodeType !== TEXT_NODE) return undefined;
    const record = this.byNode.get(node as Text);
    if (!record) return undefined;
    for (const match of record.matches) {
      const { startNode, endNode } = match;
      const afterStart =
        node === startNode
          ? offset >= match.startOffset
          : (startNode.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const beforeEnd =
        node === endNode ? offset < match.endOffset : (node.compareDocumentPosition(endNode) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      if (afterStart && beforeEnd) return this.shows(match) ? match : undefined;
    }
    return undefined;
  }

  /**
   * Registers a match now, whatever the viewport (navigation scrolls to it next: it must be
   * highlighted when it arrives, not a frame later).
   */
  reveal(match: PageMatch): void {
    const record = this.byNode.get(match.startNode);
    if (!record || record.shown.has(match) || !this.shows(match)) return;
    record.shown.add(match);
    this.options.painter.add(match.range, this.categoryOf(match));
    this.options.painter.flush();
  }

  /** A shadow root the page attached (reported by the page-world script): read it and watch it. */
  addShadowRoot(root: ShadowRoot): void {
    if (!this.running || this.observedRoots.has(root)) return;
    this.observe(root);
    if (!this.active) {
      if (hasChinese(root.textContent ?? '')) this.activate();
      return;
    }
    this.batcher.add(root);
  }

  private activate(): void {
    this.active = true;
    // Only a page with Chinese ever has highlights to guard: the others never wake up for it.
    if (this.options.painter.ensureRegistered && this.guard === undefined)
      this.guard = setInterval(() => this.options.painter.ensureRegistered?.(), GUARD_MS);
    this.scanning = this.scanning.then(() => this.firstPass());
  }

  /**
   * The whole page, in slices, in document order: at DOMContentLoaded the top of the page is what
   * is in view. (Asking where the viewport is — scrollY, elementFromPoint — would force the page's
   * first layout inside our task: 190 ms on a 1 MB page.) Each slice's blocks are observed as they
   * are read, and the browser reports which are near the viewport at its next rendering update.
   */
  private async firstPass(): Promise<void> {
    const body = this.document.body;
    if (!body || !this.running) return;
    this.ordered = [];
    const setupStart = performance.now();
    this.matcher ??= this.options.matcher();
    // item(n) walks n elements, where length would walk the whole page (~10 ms on an 8 MB page).
    const eagerMs = body.getElementsByTagName('*').item(EAGER_ELEMENTS) === null ? EAGER_MS : 0;
    let work = performance.now() - setupStart;
    let sliceStart = performance.now();
    // The first slice runs in the DOMContentLoaded task, whose frame is already the longest of the
    // load (the last layout of the parsed page and, in Chromium, its own capture of the page
    // text). It reads a screen's worth of text, whatever that takes (within FIRST_SLICE_CAP_MS),
    // so that this frame shows every highlight of the first screen, and no more.
    let firstSlice = true;
    let chars = 0;
    for (const block of iterateBlocks(body, this.collect)) {
      if (!this.running) return;
      const record = this.addBlock(block, true);
      if (record && this.provisional && this.provisionalCount < PROVISIONAL_LIMIT) this.showProvisionally(record);
      chars += block.text.length;
      const elapsed = performance.now() - sliceStart;
      if (firstSlice ? chars >= FIRST_SCREEN_CHARS || elapsed > FIRST_SLICE_CAP_MS : elapsed > SLICE_MS) {
        firstSlice = false;
        if (this.provisionalCount > 0) this.flushProvisional();
        work += performance.now() - sliceStart;
        // One slice a frame, run just after the frame: the browser renders between slices (the
        // IntersectionObserver reports what is on screen only then), and neither the page's frames
        // nor its timers wait for the whole pass. Yielding with scheduler.yield() or postTask()
        // instead puts the next slice ahead of rendering: measured, the first frame after
        // DOMContentLoaded on an 8 MB page then waited 1.3 s, and a 1 MB page had a 70 ms frame.
        // A small page is read in one go, frames or not (EAGER_MS, EAGER_ELEMENTS).
        if (work < eagerMs) await yieldToPage();
        else await afterNextFrame(this.document);
        sliceStart = performance.now();
      }
    }
    if (this.provisionalCount > 0) this.flushProvisional();
    work += performance.now() - sliceStart;
    if (this.running) this.options.onSettled?.('first-pass', this.count, work);
  }

  /** Registers a block read before the browser has said what is on screen (see PROVISIONAL_LIMIT). */
  private showProvisionally(record: BlockRecord): void {
    for (const match of record.matches) {
      if (this.provisionalCount >= PROVISIONAL_LIMIT) return;
      if (!this.shows(match)) continue;
      record.shown.add(match);
      this.options.painter.add(match.range, this.categoryOf(match));
      this.provisionalCount++;
    }
  }

  private flushProvisional(): void {
    this.options.painter.flush();
    this.signalFirstVisible();
  }

  private signalFirstVisible(): void {
    if (this.firstVisibleSignalled) return;
    this.firstVisibleSignalled = true;
    // The frame that paints them follows.
    this.document.defaultView?.requestAnimationFrame(() => this.options.onFirstVisible?.());
  }

  private categoryOf(match: PageMatch) {
    return this.matcher!.categories[match.entry];
  }

  private shows(match: PageMatch): boolean {
    return this.context?.shows(match.entry, match.quoted) ?? true;
  }

  /** The page turned out to be about policy: what is near the viewport shows its formulas too. */
  private releaseHeldBack(): void {
    for (const records of this.byElement.values()) for (const record of records) if (record.visible) this.toShow.add(record);
    this.scheduleFrame();
  }

  /** Reads one block's matches and records them; returns the record (undefined without matches). */
  private addBlock(block: TextBlock & { owner: Node }, inOrder = false): BlockRecord | undefined {
    const { matches, covered } = this.matchesOf(block);
    if (matches.length === 0) return undefined;
    const element = (block.owner.nodeType === ELEMENT_NODE ? (block.owner as Element) : null) ?? block.nodes[0].parentElement;
    if (!element) return undefined;
    const record: BlockRecord = { matches, covered, element, shown: new Set(), visible: false };
    for (const node of covered) this.byNode.set(node, record);
    const records = this.byElement.get(element);
    if (records) {
      // The element is watched already: its visibility will not be reported again until it
      // changes, so the new block takes it from its siblings.
      const [sibling] = records;
      records.add(record);
      if (sibling?.visible) {
        record.visible = true;
        this.toShow.add(record);
        this.scheduleFrame();
      }
    } else {
      this.byElement.set(element, new Set([record]));
      this.watch(element);
    }
    this.total += matches.length;
    // The first pass reads in document order: its matches are appended in order.
    if (inOrder && this.ordered) this.ordered.push(...matches);
    else this.ordered = undefined;
    return record;
  }

  private matchesOf(block: TextBlock & { owner: Node }): { matches: PageMatch[]; covered: Text[] } {
    const matches: PageMatch[] = [];
    const covered: Text[] = [];
    if (this.options.inScope && !this.options.inScope(block.owner)) return { matches, covered };
    const matcher = (this.matcher ??= this.options.matcher());
    this.context ??= new PolicyContext(matcher, matcher.cues, this.options.level ?? 'all');
    const found = matcher.findMatches(block.text);
    if (this.context.observe(block.text, found)) this.releaseHeldBack();
    let last = -1;
    for (const m of found) {
      const start = nodeAt(block, m.start, 'start');
      const end = nodeAt(block, m.end, 'end');
      const quoted = isQuoted(block.text, m.start, m.end);
      matches.push(new PageMatch(matcher.ids[m.entry], m.entry, start.node, start.offset, end.node, end.offset, quoted));
      // Matches are in order and never overlap: each node is added once.
      for (let i = Math.max(start.index, last + 1); i <= end.index; i++) covered.push(block.nodes[i]);
      last = end.index;
    }
    return { matches, covered };
  }

  private removeRecord(record: BlockRecord): void {
    const records = this.byElement.get(record.element);
    if (!records?.delete(record)) return;
    if (records.size === 0) {
      this.byElement.delete(record.element);
      this.visibility?.unobserve(record.element);
    }
    for (const node of record.covered) if (this.byNode.get(node) === record) this.byNode.delete(node);
    for (const match of record.shown) this.options.painter.remove(match.range, this.categoryOf(match));
    record.shown.clear();
    this.toShow.delete(record);
    this.visibleBig.delete(record);
    this.total -= record.matches.length;
    this.ordered = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // What is registered: what is near the viewport

  private watch(element: Element): void {
    if (typeof IntersectionObserver === 'undefined') {
      // No way to know what is on screen (an old engine, a DOM without layout): show everything.
      for (const record of this.byElement.get(element) ?? []) {
        record.visible = true;
        this.toShow.add(record);
      }
      this.scheduleFrame();
      return;
    }
    this.visibility ??= new IntersectionObserver((entries) => this.onVisibility(entries), { rootMargin: ROOT_MARGIN });
    this.visibility.observe(element);
  }

  private onVisibility(entries: IntersectionObserverEntry[]): void {
    this.provisional = false;
    for (const entry of entries) {
      for (const record of this.byElement.get(entry.target) ?? []) {
        record.visible = entry.isIntersecting;
        if (record.visible) {
          this.toHide.delete(record);
          this.toShow.add(record);
          if (record.matches.length > BIG_BLOCK) this.visibleBig.add(record);
        } else {
          this.toShow.delete(record);
          this.visibleBig.delete(record);
          if (record.shown.size > 0) this.toHide.add(record);
        }
      }
    }
    this.scheduleFrame();
  }

  private scheduleFrame(): void {
    if (this.frame || !this.running) return;
    const view = this.document.defaultView;
    if (!view) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      this.registerInFrame();
    });
  }

  /** Registers and unregisters a frame's worth of highlights; the rest waits for the next frame. */
  private registerInFrame(): void {
    if (!this.running) return;
    const { painter } = this.options;
    const deadline = performance.now() + REGISTER_MS;
    for (const record of this.toHide) {
      this.toHide.delete(record);
      for (const match of record.shown) painter.remove(match.range, this.categoryOf(match));
      record.shown.clear();
      if (performance.now() > deadline) break;
    }
    let added = 0;
    for (const record of this.toShow) {
      if (performance.now() > deadline) break;
      this.toShow.delete(record);
      if (!record.visible) continue;
      const near = record.matches.length > BIG_BLOCK ? this.nearViewport(record) : record.matches;
      const wanted = this.context?.isPolicy === false ? near.filter((m) => this.shows(m)) : near;
      const keep = new Set(wanted);
      for (const match of record.shown) {
        if (keep.has(match)) continue;
        record.shown.delete(match);
        painter.remove(match.range, this.categoryOf(match));
      }
      for (const match of wanted) {
        if (record.shown.has(match)) continue;
        record.shown.add(match);
        painter.add(match.range, this.categoryOf(match));
        added++;
      }
    }
    painter.flush();
    if (added > 0) this.signalFirstVisible();
    if (this.toShow.size > 0 || this.toHide.size > 0) this.scheduleFrame();
  }

  /**
   * The matches of a big block (a long <pre>, a page that is one text node) that lie within a
   * viewport of the screen: found by binary search over their positions, a few rect reads.
   */
  private nearViewport(record: BlockRecord): PageMatch[] {
    const view = this.document.defaultView!;
    const top = -view.innerHeight;
    const bottom = 2 * view.innerHeight;
    const live = this.document.createRange();
    const topOf = (match: PageMatch): number => {
      try {
        live.setStart(match.startNode, match.startOffset);
        live.setEnd(match.endNode, match.endOffset);
      } catch {
        return Number.NaN; // the text changed under it; the rescan that follows replaces it
      }
      return live.getBoundingClientRect().top;
    };
    const list = record.matches;
    const firstAtOrBelow = (y: number) => {
      let low = 0;
      let high = list.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        const t = topOf(list[mid]);
        if (t < y || Number.isNaN(t)) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    return list.slice(firstAtOrBelow(top), firstAtOrBelow(bottom));
  }

  // -------------------------------------------------------------------------------------------
  // Changes to the page

  /**
   * While a conversion rewrites the page, the highlighter stops listening (tens of thousands of
   * mutation records would be read one by one) and re-reads the whole page once on resume, keeping
   * every highlight whose match did not change.
   */
  pause(): void {
    if (!this.running || this.paused) return;
    this.paused = true;
    for (const observer of this.observers) observer.disconnect();
    // Resuming re-reads the whole page: what was waiting is read then.
    this.batcher.cancel();
    this.options.painter.hide();
  }

  resume(): void {
    if (!this.running || !this.paused) return;
    this.paused = false;
    for (const [observer, root] of this.observerRoots) observer.observe(root, OBSERVE_OPTIONS);
    const body = this.document.body;
    if (!body) return;
    if (!this.active) {
      this.options.painter.show();
      if (pageHasChinese(body)) this.activate();
      return;
    }
    this.batcher.add(body);
    for (const root of this.knownShadowRoots) this.batcher.add(root);
    const scopes = this.batcher.take();
    this.scanning = this.scanning.then(() => this.rescan(scopes)).finally(() => this.options.painter.show());
  }

  private observe(root: Node): void {
    this.observedRoots.add(root);
    if (root.nodeType === 11 && (root as ShadowRoot).host) this.knownShadowRoots.push(root as ShadowRoot);
    const observer = new MutationObserver((records) => this.onMutations(records));
    if (!this.paused) observer.observe(root, OBSERVE_OPTIONS);
    this.observers.push(observer);
    this.observerRoots.set(observer, root);
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    if (!this.active) {
      // No Chinese yet: look only at what arrived (and into shadow roots it brought).
      const arrived = records.some((r) =>
        r.type === 'characterData'
          ? hasChinese((r.target as Text).data)
          : [...r.addedNodes].some(
              (n) => hasChinese(n.textContent ?? '') || openShadowRoots(n).some((s) => hasChinese(s.textContent ?? '')),
            ),
      );
      if (arrived) this.activate();
      return;
    }
    const isOwnUi = (node: Node) => node.nodeType === ELEMENT_NODE && (this.options.isOwnUi?.(node as Element) ?? false);
    const body = this.document.body;
    let removed = false;
    for (const record of records) {
      // Typing in an editable field, our own card: nothing there is ever highlighted.
      if (isInsideSkipped(record.target, this.collect)) continue;
      if (record.type === 'characterData') {
        this.batcher.add(blockScopeOf(record.target));
        continue;
      }
      const scope = blockScopeOf(record.target);
      // Re-reading the whole body because a script appended an inline element to it would make
      // every such change cost a full page scan: read just the new node instead.
      const wholePage = scope === body || scope === this.document.documentElement || scope === this.document;
      let inlineChange = false;
      for (const node of record.addedNodes) {
        if (isOwnUi(node)) continue;
        // Web components attached before they were inserted bring their shadow roots with them.
        if (node.nodeType === ELEMENT_NODE)
          for (const shadow of openShadowRoots(node)) if (!this.observedRoots.has(shadow)) this.observe(shadow);
        if (wholePage || isBlockElement(node)) this.batcher.add(node);
        else inlineChange = true;
      }
      for (const node of record.removedNodes) {
        if (isOwnUi(node)) continue;
        // Matches in what left the page go with it, found from the removed nodes themselves.
        removed = this.forgetRemoved(node) || removed;
        if (!wholePage && !isBlockElement(node)) inlineChange = true;
      }
      if (inlineChange) this.batcher.add(scope);
    }
    if (removed) {
      this.options.painter.flush();
      this.batcher.touch();
    }
  }

  /** Drops the records of the text nodes in a removed subtree; true when there were any. */
  private forgetRemoved(node: Node): boolean {
    let dropped = false;
    const drop = (text: Node) => {
      const record = this.byNode.get(text as Text);
      if (record) {
        this.removeRecord(record);
        dropped = true;
      }
    };
    if (node.nodeType === TEXT_NODE) drop(node);
    else if (this.byNode.size > 0) {
      const walker = this.document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) drop(text);
    }
    return dropped;
  }

  /**
   * Re-reads changed scopes. Where a block's matches are what they were (a script conversion
   * changes the characters but not what folds to the same key), nothing is touched — repainting
   * highlights is what costs; otherwise the old record goes and the new one comes.
   */
  private async rescan(scopes: Node[]): Promise<void> {
    if (!this.running) return;
    let sliceStart = performance.now();
    for (const scope of scopes) {
      if (!this.running) return;
      if (isInsideSkipped(scope, this.collect) || !(scope.isConnected || scope.getRootNode() !== scope)) continue;
      const before = this.recordsUnder(scope);
      for (const block of iterateBlocks(scope, this.collect)) {
        let old: BlockRecord | undefined;
        for (const node of block.nodes) if ((old = this.byNode.get(node))) break;
        if (old && before.has(old) && this.sameMatches(block, old)) {
          before.delete(old);
          continue;
        }
        if (old) {
          before.delete(old);
          this.removeRecord(old);
        }
        this.addBlock(block);
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
        }
      }
      // Blocks that are no longer there (emptied, merged into another).
      for (const record of before) this.removeRecord(record);
    }
    this.options.painter.flush();
    this.scheduleFrame();
    if (this.running) this.options.onSettled?.('update', this.count);
  }

  /** The records of the text nodes under `scope` (cost: the size of the scope). */
  private recordsUnder(scope: Node): Set<BlockRecord> {
    const found = new Set<BlockRecord>();
    if (this.byNode.size === 0) return found;
    if (scope.nodeType === TEXT_NODE) {
      const record = this.byNode.get(scope as Text);
      if (record) found.add(record);
      return found;
    }
    const walker = this.document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const record = this.byNode.get(text as Text);
      if (record) found.add(record);
    }
    return found;
  }

  /** Whether matching `block` now would give exactly the matches `record` has, on the same nodes. */
  private sameMatches(block: TextBlock & { owner: Node }, record: BlockRecord): boolean {
    const fresh = this.matchesOf(block).matches;
    if (fresh.length !== record.matches.length) return false;
    return fresh.every((m, i) => m.sameAs(record.matches[i]));
  }
}

const OBSERVE_OPTIONS: MutationObserverInit = { childList: true, characterData: true, subtree: true };

function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const position = a.compareDocumentPosition(b);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}
