/**
 * The phrase card on the extension's own pages (essay reader, reader view): the same card as on
 * web pages, in a shadow root of its own, opened by hovering a highlight; Escape closes it.
 */
import { render } from 'preact';
import { PhraseCard, PHRASE_CARD_CSS } from './PhraseCard';
import { LanguageProvider } from './Language';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { PageHighlighter, PageMatch } from '@/utils/page/page-highlighter';
import type { Occurrence } from '@/utils/core/corpus-index';
import type { Language } from '@/utils/core/i18n';
import { caretFromPoint, placeCard, pointInRects, rectsOf } from '@/utils/page/hit-test';

export function attachPhraseCard(options: {
  document: Document;
  highlighter: PageHighlighter;
  entries: ReadonlyMap<string, CompiledEntry>;
  openEssay: (o: Occurrence) => void;
  language: () => Language;
}): void {
  const { document, highlighter, entries } = options;
  const host = document.createElement('div');
  host.setAttribute('data-tifa-ui', 'card');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = PHRASE_CARD_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  let shown: PageMatch | undefined;

  const hide = () => {
    shown = undefined;
    render(null, container);
  };
  const show = (match: PageMatch, rect: DOMRect) => {
    const entry = entries.get(match.id);
    if (!entry) return;
    shown = match;
    render(
      <LanguageProvider language={options.language()} setDocumentLang={false}>
        <PhraseCard
          entry={{ ...entry, occurrences: entry.occurrences.slice(0, 3), occurrenceCount: entry.occurrences.length }}
          pageCount={highlighter.matches().filter((m) => m.id === match.id).length}
          onOpenEssay={(o) => {
            options.openEssay(o);
            hide();
          }}
          onClose={hide}
        />
      </LanguageProvider>,
      container,
    );
    const card = container.firstElementChild as HTMLElement;
    const place = placeCard(rect, card.getBoundingClientRect(), { width: document.documentElement.clientWidth, height: innerHeight });
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
  };

  let frame = 0;
  document.addEventListener('mousemove', (event) => {
    if (event.composedPath().includes(host)) return;
    const { clientX: x, clientY: y } = event;
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      const caret = caretFromPoint(document, x, y);
      const match = caret && highlighter.matchAt(caret.node, caret.offset);
      const rect = match && rectsOf(document, match.range).find((r) => pointInRects([r], x, y));
      if (match && rect) {
        if (shown !== match) show(match, rect);
      } else if (shown) hide();
    });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}
