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
import { LOOKUP_CHIP_CSS, LookupChip } from './LookupChip';
import { PHRASE_CARD_CSS, PhraseCard, type CardNavigation } from './PhraseCard';

/** Everything drawn in the card's shadow root: the card, and the offer of one for a selection. */
export const CARD_UI_CSS = PHRASE_CARD_CSS + LOOKUP_CHIP_CSS;

type Rect = { left: number; top: number; right: number; bottom: number };

/** Below a selection, Android draws its handles: the offer keeps clear of them. */
const HANDLE_CLEARANCE = 28;

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
  anchor: Rect;
  /** The phrase's text: in vertical writing the card goes beside its column rather than below. */
  phraseNode?: Node;
  /** Move the focus into the card (keyboard navigation); hover leaves it where it is. */
  focus: boolean;
  /** Previous and next buttons, for a card opened by a tap. */
  navigation?: CardNavigation;
}

export class CardController {
  shownId: string | undefined;
  private container: HTMLElement | undefined;
  /** The container being made: show, offer and prepare may all ask for it before it exists. */
  private containerMade: Promise<HTMLElement> | undefined;

  constructor(
    private readonly mount: CardMount,
    private readonly options: { language: () => Language; openEssay: (o: Occurrence) => void; openGlossary: (id: string) => void },
  ) {}

  /** Makes the card's container (a shadow root and its styles) on first use, once. */
  private ready(): Promise<HTMLElement> {
    this.containerMade ??= this.mount.container().then(
      (container) => (this.container = container),
      (error: unknown) => {
        this.containerMade = undefined; // the next use tries again
        throw error;
      },
    );
    return this.containerMade;
  }

  /** True when the event happened over the card. */
  isOver(event: Event): boolean {
    const host = this.mount.host();
    return host !== undefined && event.composedPath().includes(host);
  }

  /**
   * Draws the card for `request` but keeps it hidden, where no card or offer is showing: on a
   * touch screen, once the page shows phrases, and again when a finger comes down on a phrase. The
   * first card of a page costs its shadow root, its styles, fonts and a first layout (over 100 ms
   * on a busy phone); drawn ahead, a tap only has to show it.
   */
  async stage(request: CardRequest): Promise<void> {
    if (this.shownId !== undefined || this.offered) return;
    await this.show(request, { hidden: true });
  }

  async show(request: CardRequest, options: { hidden?: boolean } = {}): Promise<void> {
    const container = await this.ready();
    if (options.hidden && (this.shownId !== undefined || this.offered)) return; // something opened meanwhile
    if (!options.hidden) {
      this.shownId = request.entry.id;
      this.offered = false;
    }
    render(
      // The card speaks the interface language; the page's own <html lang> is left alone.
      <LanguageProvider language={this.options.language()} messages={cardMessages as MessageTables} setDocumentLang={false}>
        <PhraseCard
          entry={request.entry}
          navigation={request.navigation}
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
    const view = container.ownerDocument.defaultView;
    const viewport = visibleViewport(container.ownerDocument);
    card.style.maxWidth = `${viewport.width - 16}px`;
    card.style.maxHeight = `${viewport.height - 16}px`;
    const size = card.getBoundingClientRect();
    const phraseElement = request.phraseNode?.parentElement;
    const flow = phraseElement && view ? blockFlowOf(view.getComputedStyle(phraseElement).writingMode) : 'down';
    const place = placeCard(request.anchor, size, viewport, { flow });
    if (place.maxHeight !== undefined) card.style.maxHeight = `${place.maxHeight}px`;
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
    if (options.hidden) return;
    card.style.visibility = 'visible';
    if (request.focus) {
      card.tabIndex = -1;
      card.focus({ preventScroll: true });
    }
  }

  /** True while the offer of a card for selected text is shown. */
  private offered = false;

  /** Offers the card for selected text: a button beside the selection (`anchor`) that opens it. */
  async offer(request: { phrase: string; anchor: Rect; onOpen: () => void }): Promise<void> {
    const container = await this.ready();
    this.shownId = undefined;
    this.offered = true;
    render(
      <LanguageProvider language={this.options.language()} messages={cardMessages as MessageTables} setDocumentLang={false}>
        <LookupChip phrase={request.phrase} onOpen={request.onOpen} />
      </LanguageProvider>,
      container,
    );
    const chip = container.firstElementChild as HTMLElement;
    const viewport = visibleViewport(container.ownerDocument);
    const size = chip.getBoundingClientRect();
    const place = placeCard(request.anchor, size, viewport, { gap: HANDLE_CLEARANCE });
    chip.style.left = `${place.left}px`;
    chip.style.top = `${place.top}px`;
  }

  /** Takes the offer away (the card, if one is open, stays). */
  withdraw(): void {
    if (!this.container || !this.offered) return;
    this.offered = false;
    render(null, this.container);
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
    this.containerMade = undefined;
  }
}

/**
 * The part of the page that is seen. Pinch-zoomed, only part of the layout viewport (which fixed
 * positions are relative to) is: the visual viewport. The card must fit in that part.
 */
function visibleViewport(document: Document): { left?: number; top?: number; width: number; height: number } {
  const visual = document.defaultView?.visualViewport;
  return visual
    ? { left: visual.offsetLeft, top: visual.offsetTop, width: visual.width, height: visual.height }
    : { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
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
      style.textContent = CARD_UI_CSS;
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
