/**
 * The card in a web page: hover a highlight, or go to the next or previous phrase from the
 * keyboard. The card is a shadow-root UI of WXT's (the page's CSS cannot reach it), mounted on first
 * use only: pages that are never hovered never pay for it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CardController, type CardMount } from '@/components/card-controller';
import { PHRASE_CARD_CSS } from '@/components/PhraseCard';
import type { Occurrence } from '@/utils/core/corpus-index';
import type { Language } from '@/utils/core/i18n';
import { logOnce } from '@/utils/core/log';
import { isOwnId } from '@/utils/core/own-phrases';
import { sendToBackground, type CardEntry } from '@/utils/extension/protocol';
import { flashRange } from '@/utils/page/flash';
import { phraseAtPoint, rectsOf } from '@/utils/page/hit-test';
import { trackHover } from '@/utils/page/hover-tracker';
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
        css: PHRASE_CARD_CSS,
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
    trackHover<PageMatch>({
      document,
      signal: ctx.signal,
      find: (x, y) => (this.session.matches().length === 0 ? undefined : phraseAtPoint(document, x, y, this.session)),
      isOverCard: (event) => this.view.isOver(event),
      shown: () => (this.view.shownId === undefined ? undefined : this.current),
      show: (match, rect) => void this.open(match, { focus: false, rect }),
      hide: () => this.hide(),
    });
  }

  hide(): void {
    this.view.hide();
  }

  /** Keyboard navigation: the next or previous phrase, scrolled to and explained, with focus. */
  navigate(direction: 'next' | 'previous'): boolean {
    const list = this.session.matches();
    if (list.length === 0) return false;
    const index = this.current ? list.indexOf(this.current) : -1;
    const next = direction === 'next' ? list[(index + 1) % list.length] : list[(index <= 0 ? list.length : index) - 1];
    // Highlighted before it scrolls into view: only what is near the viewport is registered.
    this.session.reveal(next);
    next.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    void this.open(next, { focus: true });
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

  private async open(match: PageMatch, options: { focus: boolean; rect?: DOMRect }): Promise<void> {
    const entry = await this.entryOf(match.id);
    const rects = rectsOf(document, match.range);
    if (!entry || rects.length === 0) return;
    const rect = options.rect ?? rects[0];
    this.current = match;
    await this.view.show({
      entry,
      pageCount: this.session.countOf(match.id),
      anchor: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      phraseNode: match.startNode,
      focus: options.focus,
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
