/**
 * The content script: wires the modules beside it to the page, each bound to WXT's context so that
 * everything stops when the extension is updated or reloaded.
 *
 * Every frame gets it, after the first content script (entrypoints/content-loader.ts), but as a
 * function that runs only when that script starts it: once the frame shows Chinese, usually while
 * the page is still parsed, or once the reader asks something of the page. It takes over from that
 * script through their handoff (utils/extension/content-handoff.ts): whether Chinese was seen, and
 * the messages that came before it listened.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_SCRIPT_SETTINGS, followUiLanguage, readAtOnce, tapLookup } from '@/utils/extension/settings';
import { receiveHandoff } from '@/utils/extension/content-handoff';
import { ArticleFinder } from './article-finder';
import { CARD_TAG, PageCard } from './page-card';
import { Conversion } from './conversion';
import { HighlightSession } from './highlighting';
import { routeMessages } from './message-router';
import { followShadowRoots } from './shadow-roots';

export default defineContentScript({
  // Declared in wxt.config.ts after the first content script, as a function it starts; no matches
  // here, so WXT neither declares it nor asks a host permission for it.
  registration: 'runtime',
  async main(ctx) {
    const handoff = receiveHandoff();
    // Our own elements: the card's host and the overlay layer, both children of <html> (outside the
    // body the walk reads). Asked of every element read: the cheap test comes first.
    const isOwnUi = (element: Element) =>
      element.localName === CARD_TAG || (element.parentNode === document.documentElement && element.hasAttribute('data-tifa-ui'));
    const language = followUiLanguage();
    ctx.onInvalidated(language.stop);

    const articles = new ArticleFinder(document);
    // Every setting the page needs, in one request made while the page is parsed (see readAtOnce).
    const [settings, scopes, own, conversionStored, tapStored] = await readAtOnce(CONTENT_SCRIPT_SETTINGS, handoff?.stored ?? undefined);
    const chineseSeen = handoff?.chineseSeen ?? false;
    const session = HighlightSession.create(ctx, { articles, isOwnUi, settings, scopes, own, chineseSeen });
    const conversion = new Conversion(ctx, session, isOwnUi, conversionStored);
    let tapOpens = tapStored;
    ctx.onInvalidated(tapLookup.watch((value) => (tapOpens = value)));
    const card = new PageCard(ctx, session, language.current, () => tapOpens);
    // Listening for shadow roots before taking the messages over: the first script stops listening
    // for them then.
    followShadowRoots(ctx, (root) => session.addShadowRoot(root));
    routeMessages(ctx, { session, card, conversion, articles }, handoff);

    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) => ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }));
    }
    await session.begin();
    conversion.applyRemembered();
  },
});
