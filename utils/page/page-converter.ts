/**
 * Converts a live page's script (DOM adapter; the decisions are utils/convert.ts's).
 *
 * One file, over 400 lines, on purpose: the record of originals (text nodes, attributes, title,
 * `lang`) is private state that converting, the selection, content arriving later and restoring
 * all read and write; split into modules, that record would have to be exported and could then be
 * written around, which is how a converted selection once escaped restore.
 *
 * - Reads text block by block with the highlighter's reader (so editable regions, form fields,
 *   scripts and styles are never touched) and sends it to the converter in batches.
 * - Converts what the reader sees first (a few paragraphs, in the first frames), then the page.
 * - Writes at the start of frames, a learnt budget of text per frame, so that the browser's layout
 *   of the new text is spread over short frames instead of one long one; only text that changes
 *   is written. Each rewritten block takes the target's `lang` with its text (its font changes
 *   once, with the text); <html lang> is left alone (see convertAll).
 * - Keeps the original of every place it wrote (text nodes, the attributes people read, the title,
 *   `lang`) so that restore is exact, and leaves alone text the page replaced since.
 * - Converts content that arrives later, batched, until conversion is turned off.
 * - Converts the reader's selection into the same record, so that restoring puts it back too.
 */
import {
  blockScopeOf,
  isBlockElement,
  isEditable,
  isInsideSkipped,
  iterateBlocks,
  outermostScopes,
  type CollectOptions,
} from './page-text';
import {
  packBlocks,
  planRestore,
  planWrite,
  TARGET_LABELS,
  unpackBlocks,
  type LedgerEntry,
  type PackedBlocks,
  type ScriptChoice,
  type Target,
} from '../core/convert';
import { ScopeBatcher } from './scope-batcher';
import { nextFrame, yieldBehindRendering } from './yield-to-page';
import { WriteBudget } from '../core/write-budget';

export type ConvertBlocks = (target: Target, blocks: PackedBlocks) => Promise<PackedBlocks>;

export interface PageConverterOptions {
  /** The extension's own UI: never converted. */
  isOwnUi?: (element: Element) => boolean;
  /** Called when what the reader sees is converted or restored (the rest of the page follows). */
  onVisible?: (choice: ScriptChoice) => void;
  /**
   * Something else that watches the page and should wait while the whole of it is rewritten: the
   * highlighter, whose highlights the browser re-validates after any change to the page (on a
   * 1 MB page with 18,800 highlights, ~180 ms a frame here). Paused once what the reader sees is
   * found, resumed when everything is done.
   */
  watcher?: { pause(): void; resume(): void };
}

/** Attributes people read. Input values are the user's and are never touched; button values are. */
const READ_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'];
const ATTRIBUTE_SELECTOR = '[title],[alt],[placeholder],[aria-label],input[type=button],input[type=submit],input[type=reset]';
/** Characters per message to the converter: big enough to amortise, small enough to stream. */
const BATCH_CHARS = 60_000;
/** Reading slices: reading changes nothing on the page, so short slices cost no layout. */
const SLICE_MS = 10;
/** Script time per frame for writing; the browser's layout of what was written comes on top. */
const WRITE_MS = 12;
const DONE = Symbol('done');

export class PageConverter {
  private readonly texts = new Map<Text, LedgerEntry>();
  private readonly attributes = new Map<Element, Map<string, LedgerEntry>>();
  private title: LedgerEntry | undefined;
  /** Where we set `lang` (the blocks whose text we rewrote): the value we found there. */
  private readonly langs = new Map<Element, { original: string | null; set: string }>();
  /** The block element whose `lang` was set when a text node was written, to reset them together. */
  private readonly blockOf = new Map<Text, Element>();
  private target: Target | undefined;
  private observer: MutationObserver | undefined;
  /** Content that arrives while a script is chosen: converted in batches. */
  private readonly arrivals = new ScopeBatcher((scopes) => this.convertArrivals(scopes));
  private work: Promise<void> = Promise.resolve();
  private readonly collect: CollectOptions;
  /** What a selection leaves out: the page's skipped elements and our UI (its own language is the reader's call). */
  private readonly selectionSkip: CollectOptions;
  /** Bumped on every switch: work for an older choice stops. */
  private generation = 0;
  /** Learnt across conversions of this page: how much text a frame can take. */
  private readonly budget = new WriteBudget();

  constructor(
    private readonly document: Document,
    private readonly convert: ConvertBlocks,
    private readonly options: PageConverterOptions = {},
  ) {
    const isOwnUi = options.isOwnUi;
    this.collect = { shadowRoots: true, skip: (element) => isInAnotherHanLanguage(element) || (isOwnUi?.(element) ?? false) };
    this.selectionSkip = { skip: isOwnUi };
  }

  get choice(): ScriptChoice {
    return this.target ?? 'original';
  }

  /** Shows the page in `choice`. Resolves when the page is converted (or restored). */
  apply(choice: ScriptChoice): Promise<void> {
    const generation = ++this.generation;
    // After the work queued before, whether it succeeded or not: a failure is reported once, to
    // whoever asked for that work, and does not stop what comes after.
    this.work = this.work
      .catch(() => {})
      .then(() => (choice === 'original' ? this.restore(generation) : this.convertAll(choice, generation)))
      .finally(() => {
        // A newer choice resumes the watcher when it is done.
        if (generation === this.generation) this.options.watcher?.resume();
      });
    return this.work;
  }

  /**
   * Converts the text inside `range` (the reader's selection) to `target` in place, and records the
   * originals with the rest, so that 'original' restores it exactly. Editable regions, form fields,
   * code and our own UI are never touched. Resolves false when there was nothing to convert, or
   * when the page was switched to another choice while the answer was on its way (that choice wins).
   */
  async convertRange(range: Range, target: Target): Promise<boolean> {
    const generation = this.generation;
    const parts = textInRange(range, this.selectionSkip);
    if (parts.length === 0) return false;
    const sources = parts.map((p) => p.data.slice(p.start, p.end));
    // One block: a phrase may run across the pieces (她剪了<b>头</b>发).
    const [converted] = unpackBlocks(await this.convert(target, packBlocks([sources])));
    if (generation !== this.generation) return false;
    parts.forEach((part, i) => {
      const value = converted[i];
      // A node the page rewrote while we waited is the page's now.
      if (value === undefined || value === sources[i] || part.node.data !== part.data) return;
      this.writeSelected(part.node, part.data.slice(0, part.start) + value + part.data.slice(part.end));
    });
    this.dropOwnRecords();
    return true;
  }

  /**
   * Writes `value` into `node` for a selection, keeping its original: the ledger's when the node
   * still holds what we wrote, otherwise what it holds now. Unlike planWrite, this does not count
   * towards MAX_WRITES: that limit stops a fight with the page, and a reader asking is not one.
   */
  private writeSelected(node: Text, value: string): void {
    const entry = this.texts.get(node);
    const original = entry && node.data === entry.converted ? entry.original : node.data;
    this.texts.set(node, { original, converted: value, writes: entry?.writes ?? 0 });
    node.data = value;
  }

  /** Idle: resolves when queued work is done (tests and benchmarks). */
  idle(): Promise<void> {
    return this.work;
  }

  stop(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = undefined;
    this.arrivals.cancel();
  }

  private async convertAll(target: Target, generation: number): Promise<void> {
    const body = this.document.body;
    if (!body || this.document.designMode === 'on') return;
    this.target = target;
    this.observe();
    // Attributes and the title go to the converter first, so their answers are back by the time
    // the text is written.
    const attributes = this.prepareAttributes([body], target);
    const title = this.prepareTitle(target);
    // If the text fails, these are never awaited: their failure is that one.
    attributes.catch(() => {});
    title.catch(() => {});
    // What the reader sees first: a few paragraphs, converted in the first frames; then the page.
    // (Found before the watcher pauses: hit-testing a page whose highlights just went would make
    // the browser repaint-prepare it on the spot.)
    const visible = visibleBlocks(this.document, this.collect);
    this.options.watcher?.pause();
    if (visible.length > 0) {
      await this.convertScopes(visible, target, generation);
      if (generation !== this.generation) return;
      this.options.onVisible?.(target);
    }
    await this.convertScopes([body], target, generation);
    if (generation !== this.generation) return;
    (await attributes)();
    (await title)();
    this.dropOwnRecords();
    // <html lang> stays as the page set it. Each rewritten block carries the target's language
    // (its font and a screen reader's voice follow it there); changing <html>'s as well made the
    // browser restyle the whole page in one frame: 115–165 ms on a 1 MB page of 8,000 paragraphs,
    // 400 ms on the same page unconverted.
  }

  /**
   * Converts the text under `scopes`. The text is read first, in short slices queued behind the
   * page's frames, and sent to the converter in batches as it is read (it converts while we read).
   * Reading before writing keeps each write frame to writing and its layout: interleaved reading
   * would lengthen every frame (and so shrink the write budget). Answers are then written back in
   * order, a frame's worth at a time (see writeInFrames).
   */
  private async convertScopes(scopes: readonly Node[], target: Target, generation: number): Promise<void> {
    type Batch = { nodes: Text[]; owners: Node[]; sources: string[]; result?: PackedBlocks };
    const batches: Batch[] = [];
    let failure: unknown;
    let batch: Batch = { nodes: [], owners: [], sources: [] };
    let lengths: number[] = [];
    let sizes: number[] = [];
    let chars = 0;
    const send = () => {
      if (batch.nodes.length === 0) return;
      const sent = batch;
      batches.push(sent);
      this.convert(target, { text: sent.sources.join(''), lengths, sizes }).then(
        (result) => (sent.result = result),
        (error: unknown) => (failure ??= error),
      );
      batch = { nodes: [], owners: [], sources: [] };
      lengths = [];
      sizes = [];
      chars = 0;
    };
    let sliceStart = performance.now();
    for (const block of blocksUnder(scopes, this.collect)) {
      for (const node of block.nodes) {
        // Convert from the original where we converted before and the page has not changed it.
        const entry = this.texts.get(node);
        const source = entry && node.data === entry.converted ? entry.original : node.data;
        batch.nodes.push(node);
        batch.owners.push(block.owner);
        batch.sources.push(source);
        lengths.push(source.length);
        chars += source.length;
      }
      sizes.push(block.nodes.length);
      if (chars >= BATCH_CHARS) send();
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldBehindRendering();
        if (generation !== this.generation) return;
        sliceStart = performance.now();
      }
    }
    send();

    // The writer: batch after batch, node after node, as answers come back.
    let batchIndex = 0;
    let nodeIndex = 0;
    let at = 0;
    const lang = TARGET_LABELS[target].lang!;
    const root = this.document.documentElement;
    const body = this.document.body;
    await this.writeInFrames(generation, (deadline) => {
      if (failure) throw failure;
      let written = 0;
      while (written < deadline.chars && performance.now() < deadline.time) {
        const batch = batches[batchIndex];
        if (!batch) return DONE;
        const result = batch.result;
        if (!result) return written;
        const node = batch.nodes[nodeIndex];
        const owner = batch.owners[nodeIndex];
        const source = batch.sources[nodeIndex];
        const value = result.text.slice(at, at + result.lengths[nodeIndex]);
        at += result.lengths[nodeIndex];
        if (++nodeIndex === batch.nodes.length) {
          batchIndex++;
          nodeIndex = 0;
          at = 0;
        }
        const wrote = value === source || !node.isConnected ? 0 : this.writeText(node, source, value);
        written += wrote;
        // The block takes the target's language in the same frame as its text, so that its new
        // font is laid out once, with the text. Setting it on <html> alone would make the browser
        // lay out the whole page again in one frame (~350 ms on a 1 MB page here). A block given
        // another language earlier takes this one whether or not its text changes now.
        if (owner.nodeType !== 1 || owner === root || owner === body) continue;
        const block = owner as Element;
        if (wrote > 0) this.blockOf.set(node, block);
        const entry = this.langs.get(block);
        if ((wrote > 0 || entry) && entry?.set !== lang) this.setLangOf(block, lang);
      }
      return written;
    });
  }

  /** Writes `value`, converted from `source`, into `node` (see planWrite); the characters written. */
  private writeText(node: Text, source: string, value: string): number {
    const plan = planWrite(this.texts.get(node), node.data, (original) => (original === source ? value : original));
    if (!plan) return 0;
    this.texts.set(node, plan.entry);
    node.data = plan.value;
    return plan.value.length;
  }

  /**
   * Runs `step` once a frame, at the frame's start, until it returns DONE. Each step writes at most
   * the learnt budget of characters (and stops after WRITE_MS of script), so every frame's layout
   * stays short: the page is rewritten over several short frames instead of one long one. In a
   * hidden document nothing is laid out, and only the time limit applies.
   */
  private async writeInFrames(
    generation: number,
    step: (deadline: { chars: number; time: number }) => number | typeof DONE,
  ): Promise<void> {
    let previous = 0;
    let written = 0;
    for (;;) {
      await nextFrame(this.document);
      if (generation !== this.generation) return;
      const start = performance.now();
      if (written > 0) this.budget.update(written, start - previous);
      previous = start;
      const hidden = this.document.visibilityState === 'hidden';
      const result = step({ chars: hidden ? Infinity : this.budget.value, time: start + WRITE_MS });
      this.dropOwnRecords();
      if (result === DONE) return;
      written = result;
    }
  }

  /**
   * The records our own writes queued: nothing new to convert. No page script runs inside one of
   * our slices, so everything queued since the last callback is ours.
   */
  private dropOwnRecords(): void {
    this.observer?.takeRecords();
  }

  private async convertStrings(target: Target, strings: string[]): Promise<string[]> {
    if (strings.length === 0) return [];
    // Each string is a block of its own: a title and an alt text are not one sentence.
    return unpackBlocks(await this.convert(target, packBlocks(strings.map((s) => [s])))).map((b) => b[0]);
  }

  /** Reads and converts the attributes people read under `roots`; the returned function writes them. */
  private async prepareAttributes(roots: readonly Element[], target: Target): Promise<() => void> {
    const places: { element: Element; name: string; source: string }[] = [];
    const elements = roots.flatMap((root) => [
      ...(root.matches(ATTRIBUTE_SELECTOR) ? [root] : []),
      ...root.querySelectorAll(ATTRIBUTE_SELECTOR),
    ]);
    for (const element of elements) {
      // A field's placeholder and title are read, not typed: they convert, but nothing inside an
      // editable region or our own UI does.
      if (isInsideEditableOrSkipped(element, this.collect.skip)) continue;
      const names = isButtonInput(element) ? [...READ_ATTRIBUTES, 'value'] : READ_ATTRIBUTES;
      for (const name of names) {
        const current = element.getAttribute(name);
        if (current === null || current.trim() === '') continue;
        const entry = this.attributes.get(element)?.get(name);
        places.push({ element, name, source: entry && current === entry.converted ? entry.original : current });
      }
    }
    const converted = await this.convertStrings(
      target,
      places.map((p) => p.source),
    );
    return () =>
      places.forEach((place, i) => {
        const { element, name, source } = place;
        const current = element.getAttribute(name) ?? '';
        const ledger = this.attributes.get(element) ?? new Map<string, LedgerEntry>();
        const plan = planWrite(ledger.get(name), current, (original) => (original === source ? converted[i] : original));
        if (!plan) return;
        ledger.set(name, plan.entry);
        this.attributes.set(element, ledger);
        element.setAttribute(name, plan.value);
      });
  }

  /** Converts the title; the returned function writes it. */
  private async prepareTitle(target: Target): Promise<() => void> {
    const current = this.document.title;
    if (!current) return () => {};
    const source = this.title && current === this.title.converted ? this.title.original : current;
    const [converted] = await this.convertStrings(target, [source]);
    return () => {
      const plan = planWrite(this.title, this.document.title, (original) => (original === source ? converted : original));
      if (!plan) return;
      this.title = plan.entry;
      this.document.title = plan.value;
    };
  }

  private setLangOf(element: Element, lang: string): void {
    const current = element.getAttribute('lang');
    const entry = this.langs.get(element);
    // The value found there is the original, unless it is the one we set (then the page kept it).
    if (!entry || current !== entry.set) this.langs.set(element, { original: current, set: lang });
    else entry.set = lang;
    if (current !== lang) element.setAttribute('lang', lang);
  }

  /** Puts back the `lang` found on `element`, unless the page changed it since. */
  private restoreLangOf(element: Element): void {
    const entry = this.langs.get(element);
    if (!entry) return;
    this.langs.delete(element);
    if (element.getAttribute('lang') !== entry.set || entry.original === entry.set) return;
    if (entry.original === null) element.removeAttribute('lang');
    else element.setAttribute('lang', entry.original);
  }

  /** Puts back the original text of `nodes` (and their blocks' language), a frame at a time. */
  private restoreTexts(nodes: Text[], generation: number): Promise<void> {
    let next = 0;
    return this.writeInFrames(generation, (deadline) => {
      let written = 0;
      while (written < deadline.chars && performance.now() < deadline.time) {
        if (next === nodes.length) return DONE;
        const node = nodes[next++];
        const entry = this.texts.get(node);
        if (!entry) continue;
        this.texts.delete(node);
        const block = this.blockOf.get(node);
        if (block) this.restoreLangOf(block);
        const value = planRestore(entry, node.data);
        if (value === undefined) continue;
        node.data = value;
        written += value.length;
      }
      return written;
    });
  }

  private async restore(generation: number): Promise<void> {
    this.target = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
    this.arrivals.cancel();
    // What the reader sees first, then the rest in the order it was converted.
    const visible = new Set<Text>();
    for (const scope of visibleBlocks(this.document, this.collect)) {
      for (const block of iterateBlocks(scope, this.collect)) for (const node of block.nodes) if (this.texts.has(node)) visible.add(node);
    }
    this.options.watcher?.pause();
    if (visible.size > 0) {
      await this.restoreTexts([...visible], generation);
      if (generation !== this.generation) return;
      this.options.onVisible?.('original');
    }
    // Each block gets its own language back with its text.
    await this.restoreTexts([...this.texts.keys()], generation);
    if (generation !== this.generation) return;
    this.texts.clear();
    this.blockOf.clear();
    for (const element of [...this.langs.keys()]) this.restoreLangOf(element);
    for (const [element, ledger] of this.attributes) {
      for (const [name, entry] of ledger) {
        const value = planRestore(entry, element.getAttribute(name) ?? '');
        if (value !== undefined) element.setAttribute(name, value);
      }
    }
    this.attributes.clear();
    if (this.title) {
      const value = planRestore(this.title, this.document.title);
      if (value !== undefined) this.document.title = value;
      this.title = undefined;
    }
  }

  /** Content that arrives later is converted as it comes, in batches. */
  private observe(): void {
    if (this.observer) return;
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        if (isInsideSkipped(record.target, this.collect)) continue;
        if (record.type === 'characterData') {
          const node = record.target as Text;
          // Our own write: nothing new.
          if (this.texts.get(node)?.converted === node.data) continue;
          this.arrivals.add(blockScopeOf(node));
        } else {
          for (const node of record.addedNodes) {
            if (node.nodeType === 1 && this.collect.skip?.(node as Element)) continue;
            this.arrivals.add(node);
          }
        }
      }
    });
    this.observer.observe(this.document, { childList: true, characterData: true, subtree: true });
  }

  private convertArrivals(scopes: Node[]): void {
    const target = this.target;
    const generation = this.generation;
    if (!target) return;
    this.work = this.work
      .catch(() => {}) // a failure is reported to whoever asked for that work (see apply)
      .then(async () => {
        const attributes = this.prepareAttributes(
          scopes.filter((scope): scope is Element => scope.nodeType === 1),
          target,
        );
        attributes.catch(() => {}); // awaited below; if the text fails first, that is the failure
        await this.convertScopes(scopes, target, generation);
        if (generation === this.generation) (await attributes)();
        this.dropOwnRecords();
      });
  }
}

/**
 * The block elements under a grid of points over the viewport: the paragraphs the reader is
 * looking at. Hit-testing a few dozen points costs little on a laid-out page, and a paragraph
 * missed between the points is converted moments later with the rest.
 */
function visibleBlocks(document: Document, collect: CollectOptions): Node[] {
  const view = document.defaultView;
  if (!view || document.visibilityState === 'hidden' || typeof document.elementFromPoint !== 'function') return [];
  const found = new Set<Node>();
  for (let row = 0; row < GRID_ROWS; row++) {
    for (let column = 0; column < GRID_COLUMNS; column++) {
      const element = document.elementFromPoint(
        ((column + 0.5) * view.innerWidth) / GRID_COLUMNS,
        ((row + 0.5) * view.innerHeight) / GRID_ROWS,
      );
      if (!element || isInsideSkipped(element, collect)) continue;
      const scope = blockScopeOf(element);
      // A hit between paragraphs lands on what holds them, which may be the whole article: only
      // blocks that hold no other blocks count.
      if (scope.nodeType !== 1 || holdsBlocks(scope as Element)) continue;
      found.add(scope);
    }
  }
  return outermostScopes([...found]);
}
function holdsBlocks(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (isBlockElement(child) && child.localName !== 'br') return true;
  }
  return element === element.ownerDocument.body || element === element.ownerDocument.documentElement;
}
const GRID_ROWS = 8;
const GRID_COLUMNS = 3;

/**
 * Japanese and Korean text declared as such (`lang="ja"`, `lang="ko-KR"` …) is written with Han
 * characters too, and is not to be turned into Chinese: 国会図書館 is not 國會圖書館. <html lang> is
 * never asked (the walk starts at <body>): Chinese pages declared in another language are common.
 */
function isInAnotherHanLanguage(element: Element): boolean {
  const lang = element.getAttribute('lang');
  return lang !== null && /^(ja|ko)(-|$)/i.test(lang);
}

/** The text nodes `range` covers, outside skipped regions, each with the covered part of its text. */
function textInRange(range: Range, skip: CollectOptions): { node: Text; data: string; start: number; end: number }[] {
  const parts: { node: Text; data: string; start: number; end: number }[] = [];
  const common = range.commonAncestorContainer;
  const root = common.nodeType === TEXT_NODE ? common.parentNode : common;
  if (!root) return parts;
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node) || isInsideSkipped(node, skip)) continue;
    const text = node as Text;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : text.length;
    if (end > start) parts.push({ node: text, data: text.data, start, end });
  }
  return parts;
}
const TEXT_NODE = 3;

function* blocksUnder(scopes: readonly Node[], collect: CollectOptions) {
  for (const scope of scopes) yield* iterateBlocks(scope, collect);
}

function isInsideEditableOrSkipped(element: Element, skip?: (e: Element) => boolean): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) {
    if (isEditable(e) || skip?.(e) || e.localName === 'script' || e.localName === 'style' || e.localName === 'template') return true;
  }
  return false;
}

function isButtonInput(element: Element): boolean {
  return element.localName === 'input' && ['button', 'submit', 'reset'].includes((element as HTMLInputElement).type);
}
