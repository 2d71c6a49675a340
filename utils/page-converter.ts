/**
 * Converts a live page's script (DOM adapter; the decisions are utils/convert.ts's).
 *
 * - Reads text block by block with the highlighter's reader (so editable regions, form fields,
 *   scripts and styles are never touched), sends blocks to the converter in batches, and writes back
 *   in short slices, only where the text actually changes.
 * - Keeps the original of every place it wrote (text nodes, the attributes people read, the title,
 *   <html lang>) so that restore is exact, and leaves alone text the page replaced since.
 * - Converts content that arrives later, batched, until conversion is turned off.
 */
import { blockScopeOf, isEditable, isInsideSkipped, iterateBlocks, type CollectOptions } from './page-text';
import { planRestore, planWrite, TARGET_LABELS, type LedgerEntry, type ScriptChoice, type Target } from './convert';
import { outermostScopes } from './page-highlighter';
import { yieldToPage } from './yield-to-page';

export type ConvertBlocks = (target: Target, blocks: string[][]) => Promise<string[][]>;

/** Attributes people read. Input values are the user's and are never touched; button values are. */
const READ_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'];
const ATTRIBUTE_SELECTOR = '[title],[alt],[placeholder],[aria-label],input[type=button],input[type=submit],input[type=reset]';
/** Characters per message to the converter: big enough to amortise, small enough to stream. */
const BATCH_CHARS = 60_000;
/**
 * Short slices: the browser relayouts at most once a frame whatever the slice, and short slices
 * let it do so without our tasks growing past 50 ms (measured on a 1 MB page: 10 ms slices were as
 * fast in all as 40 ms ones, with no long task).
 */
const SLICE_MS = 10;
const MUTATION_BATCH_MS = 100;

export class PageConverter {
  private readonly texts = new Map<Text, LedgerEntry>();
  private readonly attributes = new Map<Element, Map<string, LedgerEntry>>();
  private title: LedgerEntry | undefined;
  private lang: { had: boolean; value: string } | undefined;
  private target: Target | undefined;
  private observer: MutationObserver | undefined;
  private pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private work: Promise<void> = Promise.resolve();
  private readonly collect: CollectOptions;
  /** Bumped on every switch: work for an older choice stops. */
  private generation = 0;

  constructor(
    private readonly document: Document,
    private readonly convert: ConvertBlocks,
    isOwnUi?: (element: Element) => boolean,
  ) {
    this.collect = { shadowRoots: true, skip: isOwnUi };
  }

  get choice(): ScriptChoice {
    return this.target ?? 'original';
  }

  /** Shows the page in `choice`. Resolves when the page is converted (or restored). */
  apply(choice: ScriptChoice): Promise<void> {
    const generation = ++this.generation;
    this.work = this.work.then(() => (choice === 'original' ? this.restore(generation) : this.convertAll(choice, generation)));
    return this.work;
  }

  /** Idle: resolves when queued work is done (tests and benchmarks). */
  idle(): Promise<void> {
    return this.work;
  }

  stop(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.timer);
  }

  private async convertAll(target: Target, generation: number): Promise<void> {
    const body = this.document.body;
    if (!body || this.document.designMode === 'on') return;
    this.target = target;
    this.observe();
    // Attributes and the title go to the converter first, so their answers are back by the time
    // the text is written.
    const attributes = this.prepareAttributes(body, target);
    const title = this.prepareTitle(target);
    await this.convertScope(body, target, generation);
    if (generation !== this.generation) return;
    (await attributes)();
    (await title)();
    this.dropOwnRecords();
    this.setLang(target);
  }

  /**
   * Converts the text under `scope`. Blocks go to the converter in batches as they are read, without
   * waiting for earlier answers (the converter works while we read), and answers are written back
   * in order, in slices.
   */
  private async convertScope(scope: Node, target: Target, generation: number): Promise<void> {
    type Job = { nodes: Text[][]; sources: string[][]; converted: Promise<string[][]>; result?: string[][] };
    const jobs: Job[] = [];
    let written = 0;
    let nodes: Text[][] = [];
    let sources: string[][] = [];
    let chars = 0;
    const send = () => {
      if (nodes.length === 0) return;
      const job: Job = { nodes, sources, converted: this.convert(target, sources) };
      void job.converted.then((result) => (job.result = result), () => {});
      jobs.push(job);
      nodes = [];
      sources = [];
      chars = 0;
    };
    // Answers that are back are written while the rest of the page is still being read.
    const writeReady = async () => {
      while (written < jobs.length && jobs[written].result) {
        const job = jobs[written++];
        await this.writeBlocks(job.nodes, job.sources, job.result!, generation);
        if (generation !== this.generation) return;
      }
    };
    let sliceStart = performance.now();
    for (const block of iterateBlocks(scope, this.collect)) {
      // Convert from the original where we converted before and the page has not changed it.
      nodes.push(block.nodes);
      sources.push(
        block.nodes.map((node) => {
          const entry = this.texts.get(node);
          return entry && node.data === entry.converted ? entry.original : node.data;
        }),
      );
      chars += block.text.length;
      if (chars >= BATCH_CHARS) send();
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (generation !== this.generation) return;
        await writeReady();
        if (generation !== this.generation) return;
        sliceStart = performance.now();
      }
    }
    send();
    while (written < jobs.length) {
      const job = jobs[written++];
      const converted = await job.converted;
      if (generation !== this.generation) return;
      await this.writeBlocks(job.nodes, job.sources, converted, generation);
      if (generation !== this.generation) return;
    }
    this.dropOwnRecords();
  }

  private async writeBlocks(nodes: Text[][], sources: string[][], converted: string[][], generation: number): Promise<void> {
    let sliceStart = performance.now();
    for (let b = 0; b < nodes.length; b++) {
      for (let n = 0; n < nodes[b].length; n++) {
        const node = nodes[b][n];
        const value = converted[b]?.[n];
        if (value === undefined || !node.isConnected) continue;
        const plan = planWrite(this.texts.get(node), node.data, (original) => (original === sources[b][n] ? value : original));
        if (!plan) continue;
        this.texts.set(node, plan.entry);
        node.data = plan.value;
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        this.dropOwnRecords();
        await yieldToPage();
        if (generation !== this.generation) return;
        sliceStart = performance.now();
      }
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
    const converted = await this.convert(target, strings.map((s) => [s]));
    return converted.map((b) => b[0]);
  }

  private async convertAttributes(root: Element, target: Target): Promise<void> {
    (await this.prepareAttributes(root, target))();
  }

  /** Reads and converts the attributes people read under `root`; the returned function writes them. */
  private async prepareAttributes(root: Element, target: Target): Promise<() => void> {
    const places: { element: Element; name: string; source: string }[] = [];
    for (const element of root.querySelectorAll(ATTRIBUTE_SELECTOR)) {
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
    const converted = await this.convertStrings(target, places.map((p) => p.source));
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

  private setLang(target: Target): void {
    const html = this.document.documentElement;
    this.lang ??= { had: html.hasAttribute('lang'), value: html.getAttribute('lang') ?? '' };
    html.setAttribute('lang', TARGET_LABELS[target].lang!);
  }

  private async restore(generation: number): Promise<void> {
    this.target = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.timer);
    this.pending.clear();
    let sliceStart = performance.now();
    for (const [node, entry] of this.texts) {
      const value = planRestore(entry, node.data);
      if (value !== undefined) node.data = value;
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (generation !== this.generation) return;
        sliceStart = performance.now();
      }
    }
    this.texts.clear();
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
    if (this.lang) {
      const html = this.document.documentElement;
      if (this.lang.had) html.setAttribute('lang', this.lang.value);
      else html.removeAttribute('lang');
      this.lang = undefined;
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
          this.pending.add(blockScopeOf(node));
        } else {
          for (const node of record.addedNodes) {
            if (node.nodeType === 1 && this.collect.skip?.(node as Element)) continue;
            this.pending.add(node);
          }
        }
      }
      if (this.pending.size > 0 && this.timer === undefined) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          const target = this.target;
          const generation = this.generation;
          if (!target) return;
          const scopes = [...this.pending].filter((s) => s.isConnected);
          this.pending.clear();
          const outermost = outermostScopes(scopes);
          this.work = this.work.then(async () => {
            for (const scope of outermost) {
              await this.convertScope(scope, target, generation);
              if (scope.nodeType === 1) await this.convertAttributes(scope as Element, target);
            }
          });
        }, MUTATION_BATCH_MS);
      }
    });
    this.observer.observe(this.document, { childList: true, characterData: true, subtree: true });
  }
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
