/**
 * The extension's own pages (essay reader, reader view) are highlighted by the same engine as any
 * web page and explained by the same card, opened by the same hover and tap logic.
 */
import { cardEntry } from '@/utils/core/card-entry';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import { compiledPhrases } from '@/utils/extension/generated/phrases';
import type { Occurrence } from '@/utils/core/corpus-index';
import type { Language } from '@/utils/core/i18n';
import { createPhraseMatcher, type PhraseMatcher } from '@/utils/core/phrase-matcher';
import type { HighlightLevel } from '@/utils/core/policy-context';
import { createCssHighlightPainter, supportsCustomHighlights } from '@/utils/page/highlight-painter';
import { boundsOf, phraseAtPoint, rectsOf } from '@/utils/page/hit-test';
import { tapLookup } from '@/utils/extension/settings';
import { trackHover } from '@/utils/page/hover-tracker';
import { trackTaps } from '@/utils/page/tap-tracker';
import { PageHighlighter, type PageMatch } from '@/utils/page/page-highlighter';
import { CardController, cardInShadowRoot } from './card-controller';

/** The extension's own elements on these pages: never read, never highlighted. */
export const isExtensionUi = (element: Element) => element.hasAttribute('data-tifa-ui');

let sharedMatcher: ReturnType<typeof createPhraseMatcher> | undefined;
export function pageMatcher() {
  sharedMatcher ??= createPhraseMatcher(compiledPhrases);
  return sharedMatcher;
}

export interface ExtensionPageOptions {
  document: Document;
  entries: ReadonlyMap<string, CompiledEntry>;
  openEssay: (o: Occurrence) => void;
  openGlossary: (id: string) => void;
  language: () => Language;
  /** The reader's highlight level and its matcher (the PDF viewer); by default every phrase is shown. */
  level?: HighlightLevel;
  matcher?: () => PhraseMatcher;
  /**
   * The phrase before or after `from`, for the card's previous and next buttons, where the page
   * knows more than the highlighter holds (the PDF viewer draws only the pages near the screen).
   */
  step?: (from: PageMatch, by: 1 | -1) => Promise<PageMatch | undefined>;
  /** Called once, after the first frame that shows highlights (benchmarks). */
  onFirstVisible?: () => void;
  /** Where a match stands among all of the document's (with `step`). */
  position?: (match: PageMatch) => { position: number; total: number };
}

/**
 * Highlights `document` and explains its phrases on hover. Returns the highlighter (not started:
 * the page starts it once its content is rendered), or undefined where the browser has no CSS
 * Custom Highlight API (the extension's pages do not draw the overlay).
 */
export function highlightExtensionPage(options: ExtensionPageOptions): PageHighlighter | undefined {
  return extensionPageHighlights(options)?.highlighter;
}

/** As highlightExtensionPage, with the way to open the card on a match (keyboard navigation). */
export function extensionPageHighlights(
  options: ExtensionPageOptions,
): { highlighter: PageHighlighter; showCard: (match: PageMatch, steps?: boolean) => void } | undefined {
  const { document, entries } = options;
  if (!supportsCustomHighlights()) return undefined;
  const highlighter = new PageHighlighter(document, {
    matcher: options.matcher ?? pageMatcher,
    level: options.level,
    painter: createCssHighlightPainter(),
    isOwnUi: isExtensionUi,
    onFirstVisible: options.onFirstVisible,
  });
  const card = new CardController(cardInShadowRoot(document), {
    language: options.language,
    openEssay: options.openEssay,
    openGlossary: options.openGlossary,
  });
  let shown: PageMatch | undefined;
  const show = (match: PageMatch, steps = false) => {
    const entry = entries.get(match.id);
    const rects = rectsOf(document, match.range);
    if (!entry || rects.length === 0) return;
    shown = match;
    const all = highlighter.matches();
    const step = async (by: 1 | -1) => {
      const index = all.indexOf(match);
      const next = options.step ? await options.step(match, by) : all[(index + by + all.length) % all.length];
      if (!next) return;
      next.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      show(next, true);
    };
    void card.show({
      entry: cardEntry(entry),
      pageCount: all.filter((m) => m.id === match.id).length,
      anchor: boundsOf(rects),
      phraseNode: match.startNode,
      focus: false,
      navigation: steps
        ? {
            ...(options.position?.(match) ?? { position: all.indexOf(match) + 1, total: all.length }),
            onPrevious: () => void step(-1),
            onNext: () => void step(1),
          }
        : undefined,
    });
  };
  // These pages live as long as their tab: nothing to stop.
  const signal = new AbortController().signal;
  const common = {
    document,
    signal,
    find: (x: number, y: number) => phraseAtPoint(document, x, y, highlighter),
    isOverCard: (event: Event) => card.isOver(event),
    shown: () => (card.shownId === undefined ? undefined : shown),
    hide: () => card.hide(),
  };
  trackHover<PageMatch>({ ...common, show: (match) => show(match) });
  let tapOpens = true;
  void tapLookup.read().then((value) => (tapOpens = value));
  tapLookup.watch((value) => (tapOpens = value));
  trackTaps<PageMatch>({ ...common, enabled: () => tapOpens, show: (match) => show(match, true) });
  return { highlighter, showCard: show };
}
