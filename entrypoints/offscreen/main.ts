/**
 * The offscreen document (Chrome): a hidden extension page that does the heavy work off every web
 * page's main thread — script conversion (opencc-js, loaded on the first request) and finding the
 * article in a copy of a page (Readability, which needs a DOM parser).
 */
import { browser } from 'wxt/browser';
import { convertBlocks } from '@/entrypoints/offscreen/opencc-converters';
import { parseOffscreenRequest } from '@/utils/extension/messages';
import { findArticleInHtml } from '@/entrypoints/offscreen/article-service';

browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
  const request = parseOffscreenRequest(raw);
  if (!request) return; // meant for another context
  if (request.type === 'offscreen-article') {
    sendResponse({ article: findArticleInHtml(request.html) });
    return;
  }
  convertBlocks(request.target, request.blocks).then(
    (blocks) => sendResponse({ ok: true, blocks }),
    (error: unknown) => sendResponse({ ok: false, error: String(error) }),
  );
  return true;
});
