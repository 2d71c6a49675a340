/**
 * The extension's own pages (essay reader, reader view) are highlighted by the same engine as any
 * web page and explained by the same card, opened by the same hover logic.
 */
import { cardEntry } from '@/utils/core/card-entry';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import { compiledPhrases } from '@/utils/extension/generated/phrases';
import type { Occurrence } from '@/utils/core/corpus-index';
import type { Language } from '@/utils/core/i18n';
import { createPhraseMatcher } from '@/utils/core/phrase-matcher';
import { createCssHighlightPainter, supportsCustomHighlights } from '@/utils/page/highlight-painter';
import { phraseAtPoint } from '@/utils/page/hit-test';
import { trackHover } from '@/utils/page/hover-tracker';
import { PageHighlighter, type PageMatch } from '@/utils/page/page-highlighter';
import { CardController, cardInShadowRoot } from './card-controller';

/** The extension's own elements on these pages: never read, never highlighted. */
export const isExtensionUi = (element: Element) => element.hasAttribute('data-tifa-ui');

let sharedMatcher: ReturnType<typeof createPhraseMatcher> | undefined;
export function pageMatcher() {
  sharedMatcher ??= createPhraseMatcher(compiledPhrases);
  return sharedMatcher;
}

/**
 * Highlights `document` and explains its phrases on hover. Returns the highlighter (not started:
 * the page starts it once its content is rendered), or undefined where the browser has no CSS
 * Custom Highlight API (the extension's pages do not draw the overlay).
 */
export function highlightExtensionPage(options: {
  document: Document;
  entries: ReadonlyMap<string, CompiledEntry>;
  openEssay: (o: Occurrence) => void;
  openGlossary: (id: string) => void;
  language: () => Language;
}): PageHighlighter | undefined {
  const { document, entries } = options;
  if (!supportsCustomHighlights()) return undefined;
  const highlighter = new PageHighlighter(document, { matcher: pageMatcher, painter: createCssHighlightPainter(), isOwnUi: isExtensionUi });
  const card = new CardController(cardInShadowRoot(document), {
    language: options.language,
    openEssay: options.openEssay,
    openGlossary: options.openGlossary,
  });
  let shown: PageMatch | undefined;
  const show = (match: PageMatch, rect: DOMRect) => {
    const entry = entries.get(match.id);
    if (!entry) return;
    shown = match;
    void card.show({
      entry: cardEntry(entry),
      pageCount: highlighter.matches().filter((m) => m.id === match.id).length,
      anchor: rect,
      phraseNode: match.startNode,
      focus: false,
    });
  };
  trackHover<PageMatch>({
    document,
    // These pages live as long as their tab: nothing to stop.
    signal: new AbortController().signal,
    find: (x, y) => phraseAtPoint(document, x, y, highlighter),
    isOverCard: (event) => card.isOver(event),
    shown: () => (card.shownId === undefined ? undefined : shown),
    show,
    hide: () => card.hide(),
  });
  return highlighter;
}
