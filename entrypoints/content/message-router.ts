/**
 * The content script's side of the protocol. Every frame hears every message sent to its tab; the
 * top frame answers for the tab where one answer is wanted, and a frame with nothing to say stays
 * silent so that another can answer.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentHandoff } from '@/utils/extension/content-handoff';
import { answerWith, listen } from '@/utils/extension/protocol';
import type { ArticleFinder } from './article-finder';
import type { PageCard } from './page-card';
import type { Conversion } from './conversion';
import type { HighlightSession } from './highlighting';
import { pageReport, pageSummary } from './page-report';

export function routeMessages(
  ctx: ContentScriptContext,
  parts: { session: HighlightSession; card: PageCard; conversion: Conversion; articles: ArticleFinder },
  handoff: ContentHandoff | undefined,
): void {
  const { session, card, conversion, articles } = parts;
  const isTop = window === window.top;
  const answer = answerWith({
    'page-summary': () => (isTop ? pageSummary(session) : undefined),
    'page-report': () => (isTop ? pageReport(session, articles) : undefined),
    'get-article': () => (isTop ? articles.find().then((found) => ({ article: found?.article ?? null, url: location.href })) : undefined),
    // Every frame hears the keyboard command; a frame without highlights stays silent.
    navigate: ({ direction }) => (card.navigate(direction) ? { ok: true } : undefined),
    'scroll-to': ({ id }) => (card.scrollToPhrase(id) ? { ok: true } : undefined),
    'get-script': () => (isTop ? { choice: conversion.choice } : undefined),
    'set-script': ({ choice }) => {
      // Every frame converts itself; the top frame answers for the tab.
      const done = conversion.apply(choice);
      if (!isTop) {
        done.catch(() => {}); // the top frame reports for the tab
        return undefined;
      }
      return done.then(
        () => ({ ok: true, choice: conversion.choice }),
        () => ({ ok: false, choice: conversion.choice }),
      );
    },
    'toggle-script': () => {
      void conversion.toggle().catch(() => {}); // logged by toggle()
      return isTop ? { ok: true } : undefined;
    },
    'convert-selection': ({ target }) =>
      conversion.convertSelection(target).then(
        (ok) => ({ ok }),
        () => ({ ok: false }),
      ),
  });
  ctx.onInvalidated(listen(answer));
  // The messages that reached the frame before this listener, and loaded this script, are answered too.
  handoff?.nowAnswering(answer);
}
