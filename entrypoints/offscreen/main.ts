/**
 * The offscreen document (Chrome): a hidden extension page that does the heavy work off every web
 * page's main thread — script conversion (opencc-js, loaded on the first request) and finding the
 * article in a copy of a page (Readability, which needs a DOM parser).
 */
import { onMessage } from '@/utils/extension/protocol';
import { findArticleInHtml } from './article-service';
import { convertBlocks } from './opencc-converters';

onMessage({
  'offscreen-article': ({ html }) => ({ article: findArticleInHtml(html) }),
  'offscreen-convert': ({ target, blocks }) =>
    convertBlocks(target, blocks).then(
      (converted) => ({ ok: true as const, blocks: converted }),
      (error: unknown) => ({ ok: false as const, error: String((error as Error)?.message ?? error) }),
    ),
});
