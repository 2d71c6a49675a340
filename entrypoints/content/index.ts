/**
 * The content script: wires the modules beside it to the page, each bound to WXT's context so that
 * everything stops when the extension is updated or reloaded.
 *
 * It runs at document_start so that the script, the settings and the matcher are ready when the
 * DOM is: the first pass then starts right at DOMContentLoaded.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  conversionSettings,
  followUiLanguage,
  highlightSettings,
  ownPhrases,
  readAtOnce,
  scopeSettings,
  tapLookup,
} from '@/utils/extension/settings';
import { ArticleFinder } from './article-finder';
import { CARD_TAG, PageCard } from './page-card';
import { Conversion } from './conversion';
import { HighlightSession } from './highlighting';
import { routeMessages } from './message-router';
import { followShadowRoots } from './shadow-roots';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  async main(ctx) {
    // Our own elements: the card's host and the overlay layer, both children of <html> (outside the
    // body the walk reads). Asked of every element read: the cheap test comes first.
    const isOwnUi = (element: Element) =>
      element.localName === CARD_TAG || (element.parentNode === document.documentElement && element.hasAttribute('data-tifa-ui'));
    const language = followUiLanguage();
    ctx.onInvalidated(language.stop);

    const articles = new ArticleFinder(document);
    // Every setting the page needs, in one request made while the page is parsed (see readAtOnce).
    const [settings, scopes, own, conversionStored, tapStored] = await readAtOnce([
      highlightSettings,
      scopeSettings,
      ownPhrases,
      conversionSettings,
      tapLookup,
    ]);
    const session = HighlightSession.create(ctx, { articles, isOwnUi, settings, scopes, own });
    const conversion = new Conversion(ctx, session, isOwnUi, conversionStored);
    let tapOpens = tapStored;
    ctx.onInvalidated(tapLookup.watch((value) => (tapOpens = value)));
    const card = new PageCard(ctx, session, language.current, () => tapOpens);
    routeMessages(ctx, { session, card, conversion, articles });
    followShadowRoots(ctx, (root) => session.addShadowRoot(root));

    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) => ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }));
    }
    await session.begin();
    conversion.applyRemembered();
  },
});
