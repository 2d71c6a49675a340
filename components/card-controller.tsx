/**
 * The card's controller: renders the card's view (PhraseCard) into a container of its own (a
 * shadow root, so the page's CSS cannot reach it), places it beside the phrase, and takes it away. One implementation
 * for web pages (the content script mounts it with WXT's createShadowRootUi) and for the
 * extension's own pages (cardInShadowRoot below).
 */
import { render } from 'preact';
import { blockFlowOf, placeCard } from '@/utils/core/card-placement';
import type { Occurrence } from '@/utils/core/corpus-index';
import cardMessages from '@/generated/card-messages.json';
import type { Language, MessageTables } from '@/utils/core/i18n';
import type { CardEntry } from '@/utils/extension/protocol';
import { LanguageProvider } from './Language';
import { PHRASE_CARD_CSS, PhraseCard } from './PhraseCard';

/** Where the card is drawn: a container inside a shadow root, made on first use. */
export interface CardMount {
  container(): Promise<HTMLElement>;
  /** The element that holds the shadow root (to tell events over the card from the page's). */
  host(): Element | undefined;
  remove(): void;
}

export interface CardRequest {
  entry: CardEntry;
  pageCount?: number;
  /** Where the phrase is on screen: the card goes beside it, never over it. */
  anchor: { left: number; top: number; right: number; bottom: number };
  /** The phrase's text: in vertical writing the card goes beside its column rather than below. */
  phraseNode?: Node;
  /** Move the focus into the card (keyboard navigation); hover leaves it where it is. */
  focus: boolean;
}

export class CardController {
  shownId: string | undefined;
  private container: HTMLElement | undefined;

  constructor(
    private readonly mount: CardMount,
    private readonly options: { language: () => Language; openEssay: (o: Occurrence) => void; openGlossary: (id: string) => void },
  ) {}

  /** True when the event happened over the card. */
  isOver(event: Event): boolean {
    const host = this.mount.host();
    return host !== undefined && event.composedPath().includes(host);
  }

  async show(request: CardRequest): Promise<void> {
    const container = (this.container ??= await this.mount.container());
    this.shownId = request.entry.id;
    render(
      // The card speaks the interface language; the page's own <html lang> is left alone.
      <LanguageProvider language={this.options.language()} messages={cardMessages as MessageTables} setDocumentLang={false}>
        <PhraseCard
          entry={request.entry}
          pageCount={request.pageCount}
          onOpenEssay={(o) => {
            this.options.openEssay(o);
            this.hide();
          }}
          onOpenGlossary={(id) => {
            this.options.openGlossary(id);
            this.hide();
          }}
          onClose={() => this.hide()}
        />
      </LanguageProvider>,
      container,
    );
    const card = container.firstElementChild as HTMLElement;
    card.style.visibility = 'hidden';
    // A page that zooms its root (html { zoom: 2 }) zooms the card under it too, its left and top
    // with it, and they no longer land beside the phrase. Drawn at 1:1, the card is measured and
    // placed in the same pixels as the phrase's rects.
    const zoom = (container as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    card.style.zoom = zoom === 1 ? '' : String(1 / zoom);
    const document = container.ownerDocument;
    const view = document.defaultView;
    // Pinch-zoomed, only part of the layout viewport (which fixed positions are relative to) is
    // seen: the visual viewport. The card must fit in that part.
    const visual = view?.visualViewport;
    const viewport = visual
      ? { left: visual.offsetLeft, top: visual.offsetTop, width: visual.width, height: visual.height }
      : { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    card.style.maxWidth = `${viewport.width - 16}px`;
    card.style.maxHeight = `${viewport.height - 16}px`;
    const size = card.getBoundingClientRect();
    const phraseElement = request.phraseNode?.parentElement;
    const flow = phraseElement && view ? blockFlowOf(view.getComputedStyle(phraseElement).writingMode) : 'down';
    const place = placeCard(request.anchor, size, viewport, { flow });
    if (place.maxHeight !== undefined) card.style.maxHeight = `${place.maxHeight}px`;
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
    card.style.visibility = 'visible';
    if (request.focus) {
      card.tabIndex = -1;
      card.focus({ preventScroll: true });
    }
  }

  hide(): void {
    if (!this.container || this.shownId === undefined) return;
    this.shownId = undefined;
    render(null, this.container);
  }

  remove(): void {
    this.hide();
    this.mount.remove();
    this.container = undefined;
  }
}

/** The card's mount on the extension's own pages: a plain open shadow root under <body>. */
export function cardInShadowRoot(document: Document): CardMount {
  let host: HTMLElement | undefined;
  return {
    async container() {
      host = document.createElement('div');
      host.setAttribute('data-tifa-ui', 'card');
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = PHRASE_CARD_CSS;
      const container = document.createElement('div');
      shadow.append(style, container);
      return container;
    },
    host: () => host,
    remove() {
      host?.remove();
      host = undefined;
    },
  };
}
