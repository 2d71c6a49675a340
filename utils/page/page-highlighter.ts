/**
 * Highlights every glossary phrase in a live page without modifying it.
 *
 * - Text is read block by block (utils/page-text.ts) and matched with the shared matcher; matches
 *   become StaticRanges painted through the CSS Custom Highlight API (utils/highlight-painter.ts).
 *   Static, not live, ranges: the browser need not update thousands of live ranges on every DOM
 *   change the page makes, and we re-read whatever changes anyway.
 * - The first pass is chunked into short slices, the part in view first, so no task from us comes
 *   near 50 ms however large the page.
 * - A MutationObserver (document and every open shadow root) batches changes and re-reads only the
 *   blocks that changed; matches in text that changed or left the page are dropped.
 * - On a page without Chinese it reads nothing more than it must: it waits for Chinese text to
 *   arrive, checking only what the mutations add.
 */
import {
  blockScopeOf,
  isBlockElement,
  isInsideSkipped,
  iterateBlocks,
  nodeAt,
  pageHasChinese,
  type CollectOptions,
  type TextBlock,
} from './page-text';
import { hasChinese } from '../core/fold';
import { ScopeBatcher } from './scope-batcher';
import { yieldToPage } from './yield-to-page';
import type { PhraseMatcher } from '../core/phrase-matcher';
import type { HighlightPainter } from './highlight-painter';

export interface PageMatch {
  id: string;
  /** Index into the matcher's phrase set. */
  entry: number;
  range: StaticRange;
  /** Every text node the match covers. */
  nodes: Text[];
}

export interface PageHighlighterOptions {
  /** Called once, when the page turns out to hold Chinese: pages without it never compile it. */
  matcher: () => PhraseMatcher;
  painter: HighlightPainter;
  /** Elements of our own UI, never read. */
  isOwnUi?: (element: Element) => boolean;
  /**
   * Called when the first pass is done (also on a page without Chinese, with 0) and after each
   * batch of changes: tests and benchmarks wait on it instead of sleeping.
   */
  onSettled?: (kind: 'first-pass' | 'update', count: number) => void;
  /** Limits highlighting to some blocks (the article): given a block's owner element. */
  inScope?: (owner: Node) => boolean;
}

/** Slices of work stay well under the 50 ms long-task threshold. */
const SLICE_MS = 25;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export class PageHighlighter {
  /**
   * Text node → matches covering it. Not built during the first pass (it would only slow it); built
   * on first use (a hover, a change to the page) and kept up to date from then on.
   */
  private byNode: Map<Text, PageMatch[]> | undefined;

  private index(): Map<Text, PageMatch[]> {
    if (!this.byNode) {
      this.byNode = new Map();
      for (const match of this.all) this.indexMatch(match);
    }
    return this.byNode;
  }

  private indexMatch(match: PageMatch): void {
    for (const n of match.nodes) {
      const list = this.byNode!.get(n);
      if (list) list.push(match);
      else this.byNode!.set(n, [match]);
    }
  }
  private readonly all = new Set<PageMatch>();
  private readonly observers: MutationObserver[] = [];
  private readonly observedRoots = new WeakSet<Node>();
  private readonly knownShadowRoots: ShadowRoot[] = [];
  private readonly observerRoots = new Map<MutationObserver, Node>();
  private readonly batcher = new ScopeBatcher((scopes) => {
    this.scanning = this.scanning.then(() => this.rescan(scopes));
  });
  private readonly collect: CollectOptions;
  private running = false;
  private scanning: Promise<void> = Promise.resolve();
  private ordered: PageMatch[] | undefined;
  private active = false;
  private paused = false;
  private matcher: PhraseMatcher | undefined;

  constructor(
    private readonly document: Document,
    private readonly options: PageHighlighterOptions,
  ) {
    this.collect = { shadowRoots: true, skip: options.isOwnUi };
  }

  /** Starts highlighting: the first pass (if the page has Chinese) and the observers. */
  start(): Promise<void> {
    if (this.running) return this.scanning;
    this.running = true;
    this.observe(this.document);
    const body = this.document.body;
    if (body && pageHasChinese(body)) this.activate();
    else this.scanning = this.scanning.then(() => this.options.onSettled?.('first-pass', 0));
    return this.scanning;
  }

  /** Stops observing and removes every highlight. */
  stop(): void {
    this.running = false;
    this.active = false;
    for (const observer of this.observers) observer.disconnect();
    this.observers.length = 0;
    this.observerRoots.clear();
    this.paused = false;
    this.batcher.cancel();
    this.byNode = undefined;
    this.all.clear();
    this.ordered = undefined;
    this.options.painter.clear();
  }

  /** Resolves when the work queued so far is done (tests and benchmarks wait on it). */
  idle(): Promise<void> {
    return this.scanning;
  }

  get count(): number {
    return this.all.size;
  }

  /** Matches in document order. */
  matches(): PageMatch[] {
    this.ordered ??= [...this.all].sort(compareMatches);
    return this.ordered;
  }

  /** Open shadow roots that hold highlighted text (hit-testing needs to look into them). */
  shadowRoots(): ShadowRoot[] {
    return this.knownShadowRoots;
  }

  /** The match covering `offset` in text node `node`, if any. */
  matchAt(node: Node, offset: number): PageMatch | undefined {
    if (node.nodeType !== TEXT_NODE) return undefined;
    for (const match of this.index().get(node as Text) ?? []) {
      const r = match.range;
      const afterStart = node !== r.startContainer || offset >= r.startOffset;
      const beforeEnd = node !== r.endContainer || offset < r.endOffset;
      if (afterStart && beforeEnd) return match;
    }
    return undefined;
  }

  private activate(): void {
    this.active = true;
    this.scanning = this.scanning.then(() => this.firstPass());
  }

  /**
   * The whole page, in slices, in document order: at DOMContentLoaded the top of the page is what is
   * in view. (Asking where the viewport is — scrollY, elementFromPoint — would force the page's
   * first layout inside our task: 190 ms on a 1 MB page.)
   */
  private async firstPass(): Promise<void> {
    const body = this.document.body;
    if (!body || !this.running) return;
    await this.scanScope(body);
    this.options.painter.flush();
    if (this.running) this.options.onSettled?.('first-pass', this.all.size);
  }

  /** Reads every block under `scope` and registers its matches. */
  private async scanScope(scope: Node): Promise<void> {
    let sliceStart = performance.now();
    for (const block of iterateBlocks(scope, this.collect)) {
      if (!this.running) return;
      this.addBlock(block);
      if (performance.now() - sliceStart > SLICE_MS) {
        // Highlights are not shown slice by slice: every change to a registered highlight makes the
        // browser redo its markers, and showing the first slice early doubled the pass on a 1 MB
        // page. The painter shows the whole batch when the pass ends.
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
  }

  private addBlock(block: TextBlock & { owner: Node }): void {
    // Shadow roots met while reading are observed for later changes.
    const root = block.nodes[0].getRootNode();
    if (root !== this.document && !this.observedRoots.has(root)) this.observe(root);
    const { painter, inScope } = this.options;
    if (inScope && !inScope(block.owner)) return;
    const matcher = (this.matcher ??= this.options.matcher());
    for (const m of matcher.findMatches(block.text)) {
      const start = nodeAt(block, m.start, 'start');
      const end = nodeAt(block, m.end, 'end');
      const match: PageMatch = {
        id: matcher.ids[m.entry],
        entry: m.entry,
        range: new StaticRange({
          startContainer: start.node,
          startOffset: start.offset,
          endContainer: end.node,
          endOffset: end.offset,
        }),
        nodes: start.index === end.index ? [start.node] : block.nodes.slice(start.index, end.index + 1),
      };
      this.all.add(match);
      if (this.byNode) this.indexMatch(match);
      painter.add(match.range, matcher.categories[m.entry]);
    }
    this.ordered = undefined;
  }

  /** Whether matching `block` now would give exactly the matches it has. */
  private sameMatches(block: TextBlock & { owner: Node }, current: Set<PageMatch>): boolean {
    const matcher = (this.matcher ??= this.options.matcher());
    const inScope = this.options.inScope?.(block.owner) ?? true;
    const fresh = inScope ? matcher.findMatches(block.text) : [];
    if (fresh.length !== current.size) return false;
    const key = (entry: number, sn: Node, so: number, en: Node, eo: number) =>
      `${entry}|${so}|${eo}|${block.nodes.indexOf(sn as Text)}|${block.nodes.indexOf(en as Text)}`;
    const have = new Set(
      [...current].map((m) => key(m.entry, m.range.startContainer, m.range.startOffset, m.range.endContainer, m.range.endOffset)),
    );
    return fresh.every((m) => {
      const start = nodeAt(block, m.start, 'start');
      const end = nodeAt(block, m.end, 'end');
      return have.has(key(m.entry, start.node, start.offset, end.node, end.offset));
    });
  }

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

  private remove(match: PageMatch): void {
    if (!this.all.delete(match)) return;
    this.options.painter.remove(match.range, this.matcher!.categories[match.entry]);
    this.ordered = undefined;
    if (this.byNode) {
      for (const n of match.nodes) {
        const list = this.byNode.get(n);
        if (!list) continue;
        const rest = list.filter((m) => m !== match);
        if (rest.length > 0) this.byNode.set(n, rest);
        else this.byNode.delete(n);
      }
    }
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
      // No Chinese yet: look only at what arrived.
      const arrived = records.some((r) =>
        r.type === 'characterData' ? hasChinese((r.target as Text).data) : [...r.addedNodes].some((n) => hasChinese(n.textContent ?? '')),
      );
      if (arrived) this.activate();
      return;
    }
    const isOwnUi = (node: Node) => node.nodeType === ELEMENT_NODE && (this.options.isOwnUi?.(node as Element) ?? false);
    const body = this.document.body;
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
        if (wholePage || isBlockElement(node)) this.batcher.add(node);
        else inlineChange = true;
      }
      for (const node of record.removedNodes) {
        if (isOwnUi(node) || wholePage) continue; // matches in removed nodes are pruned anyway
        if (!isBlockElement(node)) inlineChange = true;
      }
      if (inlineChange) this.batcher.add(scope);
      if (record.removedNodes.length > 0) this.batcher.touch();
    }
  }

  private async rescan(scopes: Node[]): Promise<void> {
    if (!this.running) return;
    const hadIndex = this.byNode !== undefined;
    const index = this.index();
    // Building the index for a large page is a task of its own.
    if (!hadIndex) await yieldToPage();
    // Matches in text that left the page go first, whatever else changed.
    let pruneStart = performance.now();
    for (const [node, matches] of [...index]) {
      if (!node.isConnected) for (const match of [...matches]) this.remove(match);
      if (performance.now() - pruneStart > SLICE_MS) {
        await yieldToPage();
        pruneStart = performance.now();
      }
    }
    let sliceStart = performance.now();
    for (const scope of scopes) {
      if (!this.running) return;
      if (isInsideSkipped(scope, this.collect)) continue;
      // Re-read the scope: where a block's matches are what they were (a script conversion changes
      // the characters but not what folds to the same key), nothing is touched — repainting
      // highlights is what costs; otherwise the old matches go and the new ones come.
      for (const block of iterateBlocks(scope, this.collect)) {
        const stale = new Set<PageMatch>();
        for (const node of block.nodes) for (const match of index.get(node) ?? []) stale.add(match);
        if (!this.sameMatches(block, stale)) {
          for (const match of stale) this.remove(match);
          this.addBlock(block);
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
        }
      }
    }
    this.options.painter.flush();
    if (this.running) this.options.onSettled?.('update', this.all.size);
  }
}

const OBSERVE_OPTIONS: MutationObserverInit = { childList: true, characterData: true, subtree: true };

function compareMatches(a: PageMatch, b: PageMatch): number {
  const x = a.range.startContainer;
  const y = b.range.startContainer;
  if (x === y) return a.range.startOffset - b.range.startOffset;
  const position = x.compareDocumentPosition(y);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}
