/**
 * The card in a web page: hover a highlight, tap it, or go to the next or previous phrase from the
 * keyboard (or, on a card opened by a tap, with its own buttons). Text selected by touch over a
 * phrase offers its card. The card is a shadow-root UI of WXT's (the page's CSS cannot reach it),
 * mounted on first use only: pages that are never hovered never pay for it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CARD_UI_CSS, CardController, type CardMount } from '@/components/card-controller';
import type { Occurrence } from '@/utils/core/corpus-index';
import type { Language } from '@/utils/core/i18n';
import { logOnce } from '@/utils/core/log';
import { isOwnId } from '@/utils/core/own-phrases';
import { sendToBackground, type CardEntry } from '@/utils/extension/protocol';
import { flashRange } from '@/utils/page/flash';
import { boundsOf, phraseAtPoint, rectsOf } from '@/utils/page/hit-test';
import { trackHover } from '@/utils/page/hover-tracker';
import { firstMatchIn, offerSelectedPhrases } from '@/utils/page/selection-offer';
import { trackTaps } from '@/utils/page/tap-tracker';
import type { PageMatch } from '@/utils/page/page-highlighter';
import type { HighlightSession } from './highlighting';

export const CARD_TAG = 'tifa-lens-card';

function contentCardMount(ctx: ContentScriptContext): CardMount {
  let ui: Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>> | undefined;
  return {
    async container() {
      ui = await createShadowRootUi(ctx, {
        name: CARD_TAG,
        position: 'inline',
        anchor: 'html',
        append: 'last',
        css: CARD_UI_CSS,
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        // WXT resets the host with `:host { all: initial !important }`, which beats any style we put
        // on the host, so the card itself is the fixed-position element.
        onMount: (container) => container,
      });
      ui.mount();
      return ui.mounted!;
    },
    host: () => ui?.shadowHost,
    remove() {
      ui?.remove();
      ui = undefined;
    },
  };
}

export class PageCard {
  private readonly view: CardController;
  /** The match whose card is open (or was last opened from the keyboard). */
  private current: PageMatch | undefined;
  private readonly entries = new Map<string, Promise<CardEntry | null>>();
  /** The occurrence of each phrase last shown from the popup, to go on to the next one. */
  private readonly lastShown = new Map<string, PageMatch>();

  constructor(
    ctx: ContentScriptContext,
    private readonly session: HighlightSession,
    language: () => Language,
    /** Whether a tap opens the card (the options can turn it off). */
    private readonly tapLookup: () => boolean,
  ) {
    this.view = new CardController(contentCardMount(ctx), {
      language,
      openEssay: (o: Occurrence) => void this.openEssay(o),
      openGlossary: (id: string) =>
        void sendToBackground({ type: 'open-glossary', id }).catch((error: unknown) =>
          logOnce('the card', 'could not open the glossary', error),
        ),
    });
    ctx.onInvalidated(() => this.view.remove());
    session.onStop = () => this.hide();
    // On a touch screen the first tap of a page would pay for the card's shadow root, styles, fonts
    // and first layout (over 100 ms on a busy phone). Once the page shows phrases, the card is
    // drawn once, hidden, while the page is idle; a mouse never needs this (hover waits 120 ms).
    if (matchMedia('(any-pointer: coarse)').matches) {
      session.onFirstShown = () =>
        requestIdleCallback(
          () => {
            const [first] = this.session.matches();
            if (first && this.tapLookup()) void this.open(first, { focus: false, steps: true, staged: true });
          },
          { timeout: 2000 },
        );
    }
    trackHover<PageMatch>({
      document,
      signal: ctx.signal,
      find: (x, y) => (this.session.matches().length === 0 ? undefined : phraseAtPoint(document, x, y, this.session)),
      isOverCard: (event) => this.view.isOver(event),
      shown: () => (this.view.shownId === undefined ? undefined : this.current),
      show: (match) => void this.open(match, { focus: false }),
      hide: () => this.hide(),
    });
    trackTaps<PageMatch>({
      document,
      signal: ctx.signal,
      enabled: () => this.tapLookup() && this.session.matches().length > 0,
      find: (x, y) => phraseAtPoint(document, x, y, this.session),
      isOverCard: (event) => this.view.isOver(event),
      shown: () => (this.view.shownId === undefined ? undefined : this.current),
      show: (match) => void this.open(match, { focus: false, steps: true }),
      hide: () => this.hide(),
      prepare: (match) => void this.open(match, { focus: false, steps: true, staged: true }),
    });
    offerSelectedPhrases<PageMatch>({
      document,
      signal: ctx.signal,
      enabled: () => this.tapLookup() && this.session.matches().length > 0,
      find: (range) => firstMatchIn(range, this.session.matches()),
      offer: (match, selection) =>
        void this.view.offer({
          phrase: match.text(),
          anchor: selection,
          onOpen: () => void this.open(match, { focus: false, steps: true }),
        }),
      withdraw: () => this.view.withdraw(),
    });
  }

  hide(): void {
    this.view.hide();
  }

  /** Keyboard navigation: the next or previous phrase, scrolled to and explained, with focus. */
  navigate(direction: 'next' | 'previous'): boolean {
    return this.step(direction, { focus: true });
  }

  /** The next or previous phrase after the current one, scrolled to and explained. */
  private step(direction: 'next' | 'previous', options: { focus: boolean; steps?: boolean }): boolean {
    const list = this.session.matches();
    if (list.length === 0) return false;
    const index = this.current ? list.indexOf(this.current) : -1;
    const next = direction === 'next' ? list[(index + 1) % list.length] : list[(index <= 0 ? list.length : index) - 1];
    // Highlighted before it scrolls into view: only what is near the viewport is registered.
    this.session.reveal(next);
    // At once, whatever the page's scroll-behavior: the card is placed by where the phrase is now.
    next.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    void this.open(next, options);
    return true;
  }

  /** The popup's "show on the page": the next occurrence of `id` after the last one shown, flashed. */
  scrollToPhrase(id: string): boolean {
    const list = this.session.matches().filter((m) => m.id === id);
    if (list.length === 0) return false;
    const previous = this.lastShown.get(id);
    const next = list[(previous ? list.indexOf(previous) + 1 : 0) % list.length];
    this.lastShown.set(id, next);
    this.session.reveal(next);
    next.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    flashRange(next.range);
    return true;
  }

  /**
   * `steps`: the card has previous and next buttons (opened by touch, where there are no keys).
   * `staged`: drawn but kept hidden, for the tap about to come (CardController.stage).
   */
  private async open(match: PageMatch, options: { focus: boolean; steps?: boolean; staged?: boolean }): Promise<void> {
    const entry = await this.entryOf(match.id);
    const rects = rectsOf(document, match.range);
    if (!entry || rects.length === 0) return;
    if (!options.staged) this.current = match;
    const stepOptions = { focus: options.focus, steps: true };
    await this.view[options.staged ? 'stage' : 'show']({
      entry,
      pageCount: this.session.countOf(match.id),
      anchor: boundsOf(rects),
      phraseNode: match.startNode,
      focus: options.focus,
      navigation: options.steps
        ? {
            position: this.session.matches().indexOf(match) + 1,
            total: this.session.matches().length,
            onPrevious: () => this.step('previous', stepOptions),
            onNext: () => this.step('next', stepOptions),
          }
        : undefined,
    });
  }

  private entryOf(id: string): Promise<CardEntry | null> {
    // Own phrases can change in the options while the page is open: they are asked for each time.
    let cached = isOwnId(id) ? undefined : this.entries.get(id);
    if (!cached) {
      cached = sendToBackground({ type: 'get-entry', id }).catch((error: unknown) => {
        this.entries.delete(id); // ask again next time: the background may have been restarting
        logOnce('the card', 'the extension did not give the entry', error);
        return null;
      });
      this.entries.set(id, cached);
    }
    return cached;
  }

  private async openEssay(o: Occurrence): Promise<void> {
    try {
      await sendToBackground({ type: 'open-essay', essay: o.essay, paragraph: o.paragraph, offset: o.start });
    } catch (error) {
      logOnce('the card', 'could not open the essay reader', error);
    }
  }
}
