/**
 * What is registered with the painter: the matches in or near the viewport (one viewport above and
 * below), not every match of the page. An IntersectionObserver watches the elements that hold
 * matches, and registration follows scrolling and resizing, a frame's worth at a time. The browser
 * re-validates every registered highlight after any change to the page (~180 ms a change with
 * 19,000 of them on a 1 MB page), so registering what can be seen keeps every later change cheap.
 */
import type { Category } from '../../core/glossary-schema';
import type { HighlightPainter } from '../highlight-painter';
import type { BlockRecord, MatchIndex, PageMatch } from './match-index';

/** Script time per frame for registering highlights. */
const REGISTER_MS = 6;
/** One viewport above and below is registered ahead of scrolling. */
const ROOT_MARGIN = '100% 0px 100% 0px';
/** Blocks with more matches than this register only the part of them near the viewport. */
export const BIG_BLOCK = 64;
/**
 * Until the browser first reports what is on screen (a frame or two after the pass begins), the
 * first matches read — the top of the page, which is what is on screen at DOMContentLoaded — are
 * registered as they are read, up to this many. The report then corrects them.
 */
export const PROVISIONAL_LIMIT = 150;
/**
 * How often our registered highlights are checked for: a page may clear the shared registry, and
 * they stay off screen until the check (a few map lookups) puts them back.
 */
const GUARD_MS = 250;

/** Which matches show, and in which colour (page-reader.ts: the policy context and the matcher). */
export interface MatchFilter {
  /** True while some matches are held back: each one is then asked about. */
  readonly holdsBack: boolean;
  shows(match: PageMatch): boolean;
  categoryOf(match: PageMatch): Category;
}

export class ViewportRegistration {
  private running = false;
  private visibility: IntersectionObserver | undefined;
  /** Registration work for the next frames: records to show or hide, big records to window again. */
  private readonly toShow = new Set<BlockRecord>();
  private readonly toHide = new Set<BlockRecord>();
  private readonly visibleBig = new Set<BlockRecord>();
  private frame = 0;
  private firstVisibleSignalled = false;
  /** False once the IntersectionObserver has reported: provisional registration ends then. */
  private provisional = true;
  private provisionalCount = 0;
  /** Puts our highlights back if a page script cleared the shared registry (see the painter). */
  private guard: ReturnType<typeof setInterval> | undefined;
  private readonly onScroll = () => {
    if (this.visibleBig.size > 0) for (const record of this.visibleBig) this.toShow.add(record);
    this.scheduleFrame();
    this.painter.ensureRegistered?.();
  };

  constructor(
    private readonly document: Document,
    private readonly painter: HighlightPainter,
    private readonly index: MatchIndex,
    private readonly filter: MatchFilter,
    /** Called once, after the first frame that shows highlights (tests and benchmarks). */
    private readonly onFirstVisible?: () => void,
  ) {}

  /** Follows scrolling and resizing from now on. */
  start(): void {
    this.running = true;
    const view = this.document.defaultView;
    view?.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    view?.addEventListener('resize', this.onScroll, { passive: true });
  }

  /** Stops watching and forgets the work queued (the painter is cleared by the caller). */
  stop(): void {
    this.running = false;
    clearInterval(this.guard);
    this.guard = undefined;
    this.visibility?.disconnect();
    this.visibility = undefined;
    const view = this.document.defaultView;
    view?.removeEventListener('scroll', this.onScroll, { capture: true });
    view?.removeEventListener('resize', this.onScroll);
    if (this.frame) view?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.toShow.clear();
    this.toHide.clear();
    this.visibleBig.clear();
  }

  /** The page has Chinese, so highlights to guard: pages without it never wake up for it. */
  startGuard(): void {
    if (this.painter.ensureRegistered && this.guard === undefined)
      this.guard = setInterval(() => this.painter.ensureRegistered?.(), GUARD_MS);
  }

  /** How many matches are registered with the painter now. */
  get registered(): number {
    let n = 0;
    this.index.forEachRecord((record) => {
      n += record.shown.size;
    });
    return n;
  }

  /** A new record on an element already watched: it takes the element's visibility from `sibling`. */
  joined(record: BlockRecord, sibling: BlockRecord): void {
    // The element is watched already: its visibility will not be reported again until it
    // changes, so the new block takes it from its siblings.
    if (!sibling.visible) return;
    record.visible = true;
    this.toShow.add(record);
    this.scheduleFrame();
  }

  /** Watches an element that holds matches (its records are in the index). */
  watch(element: Element): void {
    if (typeof IntersectionObserver === 'undefined') {
      // No way to know what is on screen (an old engine, a DOM without layout): show everything.
      for (const record of this.index.recordsAt(element)) {
        record.visible = true;
        this.toShow.add(record);
      }
      this.scheduleFrame();
      return;
    }
    this.visibility ??= new IntersectionObserver((entries) => this.onVisibility(entries), { rootMargin: ROOT_MARGIN });
    this.visibility.observe(element);
  }

  /** A record left the index: its highlights go, and the element if it held no other record. */
  forget(record: BlockRecord, elementEmptied: boolean): void {
    if (elementEmptied) this.visibility?.unobserve(record.element);
    for (const match of record.shown) this.painter.remove(match.range, this.filter.categoryOf(match));
    record.shown.clear();
    this.toShow.delete(record);
    this.visibleBig.delete(record);
  }

  /** Registers a block read before the browser has said what is on screen (see PROVISIONAL_LIMIT). */
  showProvisionally(record: BlockRecord): void {
    if (!this.provisional) return;
    for (const match of record.matches) {
      if (this.provisionalCount >= PROVISIONAL_LIMIT) return;
      if (!this.filter.shows(match)) continue;
      record.shown.add(match);
      this.painter.add(match.range, this.filter.categoryOf(match));
      this.provisionalCount++;
    }
  }

  /** After each slice of the first pass, once anything was registered provisionally. */
  flushProvisional(): void {
    if (this.provisionalCount === 0) return;
    this.painter.flush();
    this.signalFirstVisible();
  }

  /**
   * Registers a match now, whatever the viewport (navigation scrolls to it next: it must be
   * highlighted when it arrives, not a frame later).
   */
  reveal(match: PageMatch): void {
    const record = this.index.recordOf(match.startNode);
    if (!record || record.shown.has(match) || !this.filter.shows(match)) return;
    record.shown.add(match);
    this.painter.add(match.range, this.filter.categoryOf(match));
    this.painter.flush();
  }

  /** The page turned out to be about policy: what is near the viewport shows its formulas too. */
  releaseHeldBack(): void {
    this.index.forEachRecord((record) => {
      if (record.visible) this.toShow.add(record);
    });
    this.scheduleFrame();
  }

  scheduleFrame(): void {
    if (this.frame || !this.running) return;
    const view = this.document.defaultView;
    if (!view) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      this.registerInFrame();
    });
  }

  private onVisibility(entries: IntersectionObserverEntry[]): void {
    this.provisional = false;
    for (const entry of entries) {
      for (const record of this.index.recordsAt(entry.target)) {
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

  /** Registers and unregisters a frame's worth of highlights; the rest waits for the next frame. */
  private registerInFrame(): void {
    if (!this.running) return;
    const { painter, filter } = this;
    const deadline = performance.now() + REGISTER_MS;
    for (const record of this.toHide) {
      this.toHide.delete(record);
      for (const match of record.shown) painter.remove(match.range, filter.categoryOf(match));
      record.shown.clear();
      if (performance.now() > deadline) break;
    }
    let added = 0;
    for (const record of this.toShow) {
      if (performance.now() > deadline) break;
      this.toShow.delete(record);
      if (!record.visible) continue;
      const near = record.matches.length > BIG_BLOCK ? this.nearViewport(record) : record.matches;
      const wanted = filter.holdsBack ? near.filter((m) => filter.shows(m)) : near;
      const keep = new Set(wanted);
      for (const match of record.shown) {
        if (keep.has(match)) continue;
        record.shown.delete(match);
        painter.remove(match.range, filter.categoryOf(match));
      }
      for (const match of wanted) {
        if (record.shown.has(match)) continue;
        record.shown.add(match);
        painter.add(match.range, filter.categoryOf(match));
        added++;
      }
    }
    painter.flush();
    if (added > 0) this.signalFirstVisible();
    if (this.toShow.size > 0 || this.toHide.size > 0) this.scheduleFrame();
  }

  private signalFirstVisible(): void {
    if (this.firstVisibleSignalled) return;
    this.firstVisibleSignalled = true;
    // The frame that paints them follows.
    this.document.defaultView?.requestAnimationFrame(() => this.onFirstVisible?.());
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
}
