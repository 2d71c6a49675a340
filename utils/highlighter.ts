/**
 * Page highlighting through the CSS Custom Highlight API: matches become Range objects registered
 * in CSS.highlights under `tifa-<category>`, so the page's DOM is never modified (React and friends
 * keep references to their text nodes; splitting them breaks sites).
 */
import { collectBlocks, nodeAt, type CollectOptions } from './page-text';
import type { PhraseMatcher } from './phrase-matcher';
import type { PageSummary } from './messages';
import { hasChinese } from './fold';
import { CATEGORIES } from './glossary-schema';

export const HIGHLIGHT_PREFIX = 'tifa';

export interface HighlightedMatch {
  id: string;
  range: Range;
}

export interface PageHighlighter {
  /** Scans the document and (re)registers every highlight. Resolves when done. */
  refresh(): Promise<void>;
  clear(): void;
  summary(): PageSummary;
  readonly matches: readonly HighlightedMatch[];
}

/** Work slices stay under this many ms so the page never sees a long task from us. */
const SLICE_MS = 8;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export function createHighlighter(
  document: Document,
  matcher: PhraseMatcher,
  options: CollectOptions = {},
): PageHighlighter {
  let matches: HighlightedMatch[] = [];
  let generation = 0;

  const clear = () => {
    generation++;
    matches = [];
    if (!supportsHighlights()) return;
    for (const category of CATEGORIES) CSS.highlights.delete(`${HIGHLIGHT_PREFIX}-${category}`);
  };

  return {
    get matches() {
      return matches;
    },
    clear,
    async refresh() {
      const body = document.body;
      if (!body || !hasChinese(body.textContent ?? '')) {
        clear();
        return;
      }
      const mine = ++generation;
      const found: HighlightedMatch[] = [];
      const highlights = new Map<string, Highlight>();
      if (supportsHighlights()) {
        for (const category of CATEGORIES) highlights.set(category, new Highlight());
      }
      const blocks = collectBlocks(body, { shadowRoots: true, ...options });
      let sliceStart = performance.now();
      for (const block of blocks) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          if (mine !== generation) return; // a newer refresh or a clear superseded this one
          sliceStart = performance.now();
        }
        for (const m of matcher.findMatches(block.text)) {
          const start = nodeAt(block, m.start, 'start');
          const end = nodeAt(block, m.end, 'end');
          const range = document.createRange();
          range.setStart(start.node, start.offset);
          range.setEnd(end.node, end.offset);
          found.push({ id: matcher.phrases.ids[m.entry], range });
          highlights.get(matcher.categories[m.entry])?.add(range);
        }
      }
      if (mine !== generation) return;
      matches = found;
      if (supportsHighlights()) {
        for (const [category, highlight] of highlights) CSS.highlights.set(`${HIGHLIGHT_PREFIX}-${category}`, highlight);
      }
    },
    summary() {
      const counts = new Map<string, { count: number; first: number }>();
      matches.forEach((m, index) => {
        const seen = counts.get(m.id);
        if (seen) seen.count++;
        else counts.set(m.id, { count: 1, first: index });
      });
      return {
        url: document.location?.href ?? '',
        hasChinese: hasChinese(document.body?.textContent ?? ''),
        total: matches.length,
        phrases: [...counts].map(([id, c]) => ({ id, ...c })),
      };
    },
  };
}
