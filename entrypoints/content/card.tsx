/**
 * The in-page card: a Preact PhraseCard in a shadow root (createShadowRootUi), so the page's CSS
 * cannot reach it. Mounted on first use only; pages that are never hovered never pay for it.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PhraseCard, PHRASE_CARD_CSS } from '@/components/PhraseCard';
import { LanguageProvider } from '@/components/Language';
import type { Language } from '@/utils/core/i18n';
import { placeCard } from '@/utils/page/hit-test';
import type { CardEntry } from '@/utils/extension/messages';
import type { Occurrence } from '@/utils/core/corpus-index';

export const CARD_TAG = 'tifa-lens-card';

export interface CardRequest {
  entry: CardEntry;
  pageCount: number;
  /** Where the phrase is on screen: the card goes beside it, never over it. */
  anchor: { left: number; top: number; right: number; bottom: number };
  focus: boolean;
}

export class CardView {
  private ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  private mounting: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  shownId: string | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly actions: { openEssay: (o: Occurrence) => void; closed: () => void },
    private readonly language: () => Language,
  ) {}

  get host(): HTMLElement | undefined {
    return this.ui?.shadowHost;
  }

  private mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.mounting ??= createShadowRootUi(this.ctx, {
      name: CARD_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: PHRASE_CARD_CSS,
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      // WXT resets the host with `:host { all: initial !important }`, which beats any style we put
      // on the host, so the card itself is the fixed-position element.
      onMount: (container) => container,
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      return ui;
    });
    return this.mounting;
  }

  async show(request: CardRequest): Promise<void> {
    const ui = await this.mount();
    const container = ui.mounted!;
    this.shownId = request.entry.id;
    render(
      // The card speaks the interface language; the page's own <html lang> is left alone.
      <LanguageProvider language={this.language()} setDocumentLang={false}>
        <PhraseCard entry={request.entry} pageCount={request.pageCount} onOpenEssay={this.actions.openEssay} onClose={() => this.hide()} />
      </LanguageProvider>,
      container,
    );
    const card = container.firstElementChild as HTMLElement;
    card.style.visibility = 'hidden';
    const size = card.getBoundingClientRect();
    const view = document.documentElement;
    const place = placeCard(request.anchor, size, { width: view.clientWidth || innerWidth, height: innerHeight });
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
    card.style.visibility = 'visible';
    if (request.focus) {
      card.tabIndex = -1;
      card.focus({ preventScroll: true });
    }
  }

  hide(): void {
    if (!this.ui || this.shownId === undefined) return;
    this.shownId = undefined;
    render(null, this.ui.mounted!);
    this.actions.closed();
  }

  remove(): void {
    this.ui?.remove();
    this.ui = undefined;
    this.mounting = undefined;
  }
}
