/**
 * Reading and matching: a block's text goes through the matcher and the policy context, and comes
 * out as matches on text nodes; the first pass reads the whole page that way, in slices, top first.
 *
 * Set formulas wait for evidence that the page is about policy (utils/core/policy-context.ts):
 * until then they are kept but neither registered nor listed (`shows`), and the block that brings
 * the evidence releases every one of them (`onPolicy`).
 */
import type { Category } from '../../core/glossary-schema';
import type { PhraseMatcher } from '../../core/phrase-matcher';
import { type HighlightLevel, isQuoted, PolicyContext } from '../../core/policy-context';
import { type CollectOptions, iterateBlocks, nodeAt, type TextBlock } from '../page-text';
import { afterNextFrame, yieldToPage } from '../yield-to-page';
import { type BlockRecord, PageMatch } from './match-index';

/** One reading slice a frame: with the page's own work, under the 50 ms long-frame mark. */
export const SLICE_MS = 10;
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

/** A block as page-text.ts reads it, with the node that owns it. */
export type Block = TextBlock & { owner: Node };

export interface ReaderOptions {
  /** Called once, when the page turns out to hold Chinese: pages without it never decode it. */
  matcher: () => PhraseMatcher;
  /** At 'context', formula entries are shown only once the page is about policy; none: all are. */
  level?: HighlightLevel;
  /** Limits reading to some blocks (the article): given a block's owner element. */
  inScope?: (owner: Node) => boolean;
  /** The text read so far just turned out to be about policy: what was held back may show. */
  onPolicy: () => void;
}

/** What the first pass does with what it reads (the highlighter composes it). */
export interface FirstPassSink {
  /** False once the highlighter stopped: the pass ends there. */
  isRunning(): boolean;
  /** Indexes and watches a block read in document order; its record (undefined without matches). */
  add(block: Block): BlockRecord | undefined;
  /** Registers a record before the browser has said what is on screen (viewport-registration.ts). */
  showProvisionally(record: BlockRecord): void;
  /** A slice ends: what was registered provisionally goes to the painter. */
  flushProvisional(): void;
}

export class PageReader {
  private matcher: PhraseMatcher | undefined;
  private context: PolicyContext | undefined;
  /** Told by the page that it is policy text (declarePolicy): every later context starts so. */
  private knownPolicy = false;

  constructor(private readonly options: ReaderOptions) {}

  /** The page knows it is policy text from text it has not shown yet: nothing is held back. */
  declarePolicy(): void {
    this.knownPolicy = true;
    if (this.context?.declarePolicy()) this.options.onPolicy();
  }

  /** True while set formulas are held back (the level asks for evidence the page has not shown). */
  get holdsBack(): boolean {
    return this.context?.isPolicy === false;
  }

  /** Whether a match is shown now (a set formula may be held back). */
  shows(match: PageMatch): boolean {
    return this.context?.shows(match.entry, match.quoted) ?? true;
  }

  /** The painter's category of a match (only asked of matches read, so the matcher is there). */
  categoryOf(match: PageMatch): Category {
    return this.matcher!.categories[match.entry];
  }

  /** Forgets the evidence read so far (the highlighter stopped); the decoded matcher stays. */
  forgetContext(): void {
    this.context = undefined;
  }

  /**
   * One block's matches, and the text nodes they cover; the block's text is evidence for the
   * policy context too.
   */
  matchesOf(block: Block): { matches: PageMatch[]; covered: Text[] } {
    const matches: PageMatch[] = [];
    const covered: Text[] = [];
    if (this.options.inScope && !this.options.inScope(block.owner)) return { matches, covered };
    const matcher = (this.matcher ??= this.options.matcher());
    if (!this.context) {
      this.context = new PolicyContext(matcher, matcher.cues, this.options.level ?? 'all');
      if (this.knownPolicy) this.context.declarePolicy();
    }
    const found = matcher.findMatches(block.text);
    if (this.context.observe(block.text, found)) this.options.onPolicy();
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

  /** Whether matching `block` now would give exactly the matches `record` has, on the same nodes. */
  sameMatches(block: Block, record: BlockRecord): boolean {
    const fresh = this.matchesOf(block).matches;
    if (fresh.length !== record.matches.length) return false;
    return fresh.every((m, i) => m.sameAs(record.matches[i]));
  }

  /**
   * The whole page, in slices, in document order: at DOMContentLoaded the top of the page is what
   * is in view. (Asking where the viewport is — scrollY, elementFromPoint — would force the page's
   * first layout inside our task: 190 ms on a 1 MB page.) Each slice's blocks are observed as they
   * are read, and the browser reports which are near the viewport at its next rendering update.
   * Returns the milliseconds of the pass's own slices (waits for the page left out), or undefined
   * when the highlighter stopped meanwhile.
   */
  async firstPass(body: HTMLElement, collect: CollectOptions, sink: FirstPassSink): Promise<number | undefined> {
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
    for (const block of iterateBlocks(body, collect)) {
      if (!sink.isRunning()) return undefined;
      const record = sink.add(block);
      if (record) sink.showProvisionally(record);
      chars += block.text.length;
      const elapsed = performance.now() - sliceStart;
      if (firstSlice ? chars >= FIRST_SCREEN_CHARS || elapsed > FIRST_SLICE_CAP_MS : elapsed > SLICE_MS) {
        firstSlice = false;
        sink.flushProvisional();
        work += performance.now() - sliceStart;
        // One slice a frame, run just after the frame: the browser renders between slices (the
        // IntersectionObserver reports what is on screen only then), and neither the page's frames
        // nor its timers wait for the whole pass. Yielding with scheduler.yield() or postTask()
        // instead puts the next slice ahead of rendering: measured, the first frame after
        // DOMContentLoaded on an 8 MB page then waited 1.3 s, and a 1 MB page had a 70 ms frame.
        // A small page is read in one go, frames or not (EAGER_MS, EAGER_ELEMENTS).
        if (work < eagerMs) await yieldToPage();
        else await afterNextFrame(body.ownerDocument);
        sliceStart = performance.now();
      }
    }
    sink.flushProvisional();
    work += performance.now() - sliceStart;
    return work;
  }
}
