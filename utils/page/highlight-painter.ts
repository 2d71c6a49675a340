/**
 * Painting matches. The CSS Custom Highlight API paints ranges without touching the page's DOM:
 * one Highlight per category, registered as `tifa-<category>` (the names tests rely on).
 *
 * Fallback, for browsers without the API: an overlay. Translucent boxes are drawn from the ranges'
 * client rects in a fixed layer of our own (outside the page's content, pointer-events: none), and
 * redrawn on scroll and resize. The page's text nodes are never split, wrapped or changed.
 */
import { CATEGORIES, type Category } from '../core/glossary-schema';
import { highlightName } from '../core/highlight-names';
import type { CategoryPaint } from '../core/settings-schema';
import type { HighlightStyles } from './highlight-styles';

export interface HighlightPainter {
  /** Queues a range; it shows after the next flush. */
  add(range: AbstractRange, category: Category): void;
  remove(range: AbstractRange, category: Category): void;
  /** Shows what was queued. Batching matters: each change to a registered highlight makes the
   * browser recompute its markers, so thousands of single adds cost far more than one batch. */
  flush(): void;
  /**
   * Takes the highlights off the page without forgetting them, and puts them back. While a script
   * conversion rewrites thousands of text nodes, highlights under changing text cost the browser a
   * repaint of their markers every frame: measured on a 1 MB page, they doubled the conversion.
   */
  hide(): void;
  show(): void;
  clear(): void;
  /** Puts our highlights back if the page took them out of the shared registry. */
  ensureRegistered?(): void;
}

export function supportsCustomHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * `styles`, when given, holds the ::highlight() rules and is adopted into each root (document,
 * shadow root) where a range is drawn; without it the rules must already be in a stylesheet (the
 * extension's own pages).
 */
export function createCssHighlightPainter(styles?: HighlightStyles): HighlightPainter {
  const highlights = new Map<Category, Highlight>();
  const styledRoots = new WeakSet<Node>();
  let hidden = false;
  const highlightOf = (category: Category) => {
    let highlight = highlights.get(category);
    if (!highlight) {
      highlight = new Highlight();
      highlights.set(category, highlight);
      if (!hidden) CSS.highlights.set(highlightName(category), highlight);
    }
    return highlight;
  };
  // Queued ranges per category, added to the registered highlights in one go at flush.
  const queued = new Map<Category, AbstractRange[]>();
  /**
   * The page shares CSS.highlights with us: a script that calls CSS.highlights.clear(), or sets
   * one of our names, removes ours without any event. Ours are put back whenever this is called
   * (every flush, and by the highlighter on scroll and on a timer); so are our rules, which a page
   * that assigns its own adoptedStyleSheets takes out the same way.
   */
  const ensureRegistered = () => {
    if (hidden) return;
    for (const [category, highlight] of highlights) {
      const name = highlightName(category);
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
    if (highlights.size > 0) styles?.reinstate();
  };
  return {
    add(range, category) {
      const list = queued.get(category);
      if (list) list.push(range);
      else queued.set(category, [range]);
    },
    remove(range, category) {
      if (highlights.get(category)?.delete(range)) return;
      const list = queued.get(category);
      const at = list?.indexOf(range) ?? -1;
      if (at >= 0) list!.splice(at, 1);
    },
    flush() {
      for (const [category, ranges] of queued) {
        const highlight = highlightOf(category);
        for (const range of ranges) {
          highlight.add(range);
          if (styles) {
            const root = range.startContainer.getRootNode();
            if (!styledRoots.has(root)) {
              styledRoots.add(root);
              styles.adoptInto(root);
            }
          }
        }
      }
      queued.clear();
      if (!hidden) ensureRegistered();
    },
    hide() {
      hidden = true;
      for (const category of highlights.keys()) CSS.highlights.delete(highlightName(category));
    },
    show() {
      if (!hidden) return;
      hidden = false;
      ensureRegistered();
    },
    clear() {
      queued.clear();
      for (const category of CATEGORIES) {
        const name = highlightName(category);
        if (CSS.highlights.get(name) === highlights.get(category)) CSS.highlights.delete(name);
      }
      highlights.clear();
      styles?.release();
    },
    ensureRegistered,
  };
}

/** `paint` gives each category's colours: the same as the ::highlight() rules (categoryPaint). */
export function createOverlayPainter(
  document: Document,
  layer: HTMLElement,
  paint: (category: Category) => CategoryPaint,
): HighlightPainter {
  const ranges = new Map<AbstractRange, Category>();
  let frame = 0;
  const draw = () => {
    frame = 0;
    layer.replaceChildren();
    const view = document.defaultView!;
    for (const [staticRange, category] of ranges) {
      const range = document.createRange();
      try {
        range.setStart(staticRange.startContainer, staticRange.startOffset);
        range.setEnd(staticRange.endContainer, staticRange.endOffset);
      } catch {
        continue; // the text changed under the range; the next re-read replaces it
      }
      const { background, underline } = paint(category);
      if (background === 'transparent' && !underline) continue;
      for (const rect of range.getClientRects()) {
        if (rect.bottom < 0 || rect.top > view.innerHeight) continue;
        const box = document.createElement('div');
        const border = underline ? `border-bottom:${underline.width}px solid ${underline.colour}` : '';
        box.style.cssText = `position:fixed;pointer-events:none;box-sizing:border-box;left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;background:${background};${border}`;
        layer.append(box);
      }
    }
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(draw);
  };
  const view = document.defaultView;
  view?.addEventListener('scroll', schedule, { passive: true, capture: true });
  view?.addEventListener('resize', schedule, { passive: true });
  return {
    add(range, category) {
      ranges.set(range, category);
      schedule();
    },
    remove(range) {
      ranges.delete(range);
      schedule();
    },
    flush: schedule,
    hide() {
      layer.style.display = 'none';
    },
    show() {
      layer.style.display = '';
      schedule();
    },
    /** Removes every box and stops following scroll and resize (the painter is done). */
    clear() {
      ranges.clear();
      cancelAnimationFrame(frame);
      frame = 0;
      layer.replaceChildren();
      view?.removeEventListener('scroll', schedule, { capture: true });
      view?.removeEventListener('resize', schedule);
    },
  };
}
