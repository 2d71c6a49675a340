/**
 * Following the page's changes: MutationObservers on the document and on every open shadow root,
 * changes batched by scope (scope-batcher.ts) and re-read block by block. Changes cost what they
 * touch: removed nodes take their own matches with them, and a batch re-reads only the blocks it
 * changed. On a page without Chinese it reads nothing more than it must: it waits for Chinese text
 * to arrive, checking only what the mutations add.
 */
import { hasChinese } from '../../core/fold';
import type { HighlightPainter } from '../highlight-painter';
import {
  blockScopeOf,
  type CollectOptions,
  isBlockElement,
  isInsideSkipped,
  iterateBlocks,
  openShadowRoots,
  pageHasChinese,
} from '../page-text';
import { ScopeBatcher } from '../scope-batcher';
import { yieldToPage } from '../yield-to-page';
import type { BlockRecord, MatchIndex } from './match-index';
import { type Block, type PageReader, SLICE_MS } from './page-reader';

const ELEMENT_NODE = 1;
const OBSERVE_OPTIONS: MutationObserverInit = { childList: true, characterData: true, subtree: true };

/** The highlighter's side of the changes (page-highlighter.ts composes it). */
export interface FollowerHost {
  isRunning(): boolean;
  /** Whether the page has shown Chinese (and so has been read). */
  isActive(): boolean;
  /** The page turned out to hold Chinese: read it all. */
  activate(): void;
  /** The chain of reading work: each pass or rescan waits for the one before. */
  scanning: Promise<void>;
  /** Indexes and watches a block read again; its record (undefined without matches). */
  add(block: Block): BlockRecord | undefined;
  /** Takes a record out of the index and its highlights off the page. */
  remove(record: BlockRecord): void;
  /** A batch of changes is read (onSettled 'update'). */
  updated(): void;
}

export interface FollowerParts {
  painter: HighlightPainter;
  index: MatchIndex;
  reader: PageReader;
  /** After a rescan, what it changed near the viewport is registered in the next frames. */
  scheduleFrame(): void;
  isOwnUi?: (element: Element) => boolean;
}

export class MutationFollower {
  private readonly observers: MutationObserver[] = [];
  private readonly observedRoots = new WeakSet<Node>();
  private readonly knownShadowRoots: ShadowRoot[] = [];
  private readonly observerRoots = new Map<MutationObserver, Node>();
  private readonly batcher = new ScopeBatcher((scopes) => {
    this.host.scanning = this.host.scanning.then(() => this.rescan(scopes));
  });
  private paused = false;

  constructor(
    private readonly document: Document,
    private readonly collect: CollectOptions,
    private readonly parts: FollowerParts,
    private readonly host: FollowerHost,
  ) {}

  /** Open shadow roots that are read (hit-testing needs to look into them). */
  get shadowRoots(): ShadowRoot[] {
    return this.knownShadowRoots;
  }

  /** Starts watching the document. */
  start(): void {
    this.observe(this.document);
  }

  /** Watches a shadow root met while reading, once. */
  observeOnce(root: Node): void {
    if (!this.observedRoots.has(root)) this.observe(root);
  }

  stop(): void {
    for (const observer of this.observers) observer.disconnect();
    this.observers.length = 0;
    this.observerRoots.clear();
    this.paused = false;
    this.batcher.cancel();
  }

  /** A shadow root the page attached (reported by the page-world script): read it and watch it. */
  addShadowRoot(root: ShadowRoot): void {
    if (!this.host.isRunning() || this.observedRoots.has(root)) return;
    this.observe(root);
    if (!this.host.isActive()) {
      if (hasChinese(root.textContent ?? '')) this.host.activate();
      return;
    }
    this.batcher.add(root);
  }

  /**
   * While a conversion rewrites the page, the highlighter stops listening (tens of thousands of
   * mutation records would be read one by one) and re-reads the whole page once on resume, keeping
   * every highlight whose match did not change.
   */
  pause(): void {
    if (!this.host.isRunning() || this.paused) return;
    this.paused = true;
    for (const observer of this.observers) observer.disconnect();
    // Resuming re-reads the whole page: what was waiting is read then.
    this.batcher.cancel();
    this.parts.painter.hide();
  }

  resume(): void {
    if (!this.host.isRunning() || !this.paused) return;
    this.paused = false;
    for (const [observer, root] of this.observerRoots) observer.observe(root, OBSERVE_OPTIONS);
    const body = this.document.body;
    if (!body) return;
    if (!this.host.isActive()) {
      this.parts.painter.show();
      if (pageHasChinese(body)) this.host.activate();
      return;
    }
    this.batcher.add(body);
    for (const root of this.knownShadowRoots) this.batcher.add(root);
    const scopes = this.batcher.take();
    this.host.scanning = this.host.scanning.then(() => this.rescan(scopes)).finally(() => this.parts.painter.show());
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
    if (!this.host.isRunning()) return;
    if (!this.host.isActive()) {
      // No Chinese yet: look only at what arrived (and into shadow roots it brought).
      const arrived = records.some((r) =>
        r.type === 'characterData'
          ? hasChinese((r.target as Text).data)
          : [...r.addedNodes].some(
              (n) => hasChinese(n.textContent ?? '') || openShadowRoots(n).some((s) => hasChinese(s.textContent ?? '')),
            ),
      );
      if (arrived) this.host.activate();
      return;
    }
    const isOwnUi = (node: Node) => node.nodeType === ELEMENT_NODE && (this.parts.isOwnUi?.(node as Element) ?? false);
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
        if (node.nodeType === ELEMENT_NODE) for (const shadow of openShadowRoots(node)) this.observeOnce(shadow);
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
      this.parts.painter.flush();
      this.batcher.touch();
    }
  }

  /** Drops the records of the text nodes in a removed subtree; true when there were any. */
  private forgetRemoved(node: Node): boolean {
    const records = this.parts.index.recordsUnder(node);
    for (const record of records) this.host.remove(record);
    return records.size > 0;
  }

  /**
   * Re-reads changed scopes. Where a block's matches are what they were (a script conversion
   * changes the characters but not what folds to the same key), nothing is touched — repainting
   * highlights is what costs; otherwise the old record goes and the new one comes.
   */
  private async rescan(scopes: Node[]): Promise<void> {
    if (!this.host.isRunning()) return;
    const { index, reader } = this.parts;
    let sliceStart = performance.now();
    for (const scope of scopes) {
      if (!this.host.isRunning()) return;
      if (isInsideSkipped(scope, this.collect) || !(scope.isConnected || scope.getRootNode() !== scope)) continue;
      const before = index.recordsUnder(scope);
      for (const block of iterateBlocks(scope, this.collect)) {
        let old: BlockRecord | undefined;
        for (const node of block.nodes) if ((old = index.recordOf(node))) break;
        if (old && before.has(old) && reader.sameMatches(block, old)) {
          before.delete(old);
          continue;
        }
        if (old) {
          before.delete(old);
          this.host.remove(old);
        }
        this.host.add(block);
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
        }
      }
      // Blocks that are no longer there (emptied, merged into another).
      for (const record of before) this.host.remove(record);
    }
    this.parts.painter.flush();
    this.parts.scheduleFrame();
    this.host.updated();
  }
}
