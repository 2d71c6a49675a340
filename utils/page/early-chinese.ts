/**
 * Watches a page while it is parsed for its first Chinese text, and says so once. Used to put the
 * highlight rules in place early: any ::highlight() rule makes the browser's style work on every
 * element several times as long (measured: the first style pass of an 8 MB page grew from 250 ms to
 * 1.35 s with one rule), so the rules go only to pages with Chinese, and going in while the page is
 * still parsed spreads that cost over the parser's own frames instead of one frame after it.
 */
import { hasChinese } from '../core/fold';

/** Text nodes looked at before giving up: a page whose first ones hold no Chinese is read later. */
const LOOK_AT = 3000;

export function onFirstChinese(document: Document, found: () => void): () => void {
  let seen = 0;
  let done = false;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const text = node.nodeType === 3 ? (node as Text).data : node.nodeType === 1 ? ((node as Element).textContent ?? '') : '';
        if (text && hasChinese(text)) return finish(true);
        if (++seen > LOOK_AT) return finish(false);
      }
    }
  });
  const finish = (chinese: boolean) => {
    if (done) return;
    done = true;
    observer.disconnect();
    if (chinese) found();
  };
  observer.observe(document, { childList: true, subtree: true });
  // Whatever is already parsed (a script injected late, a page restored from the cache).
  const head = document.documentElement?.textContent ?? '';
  if (hasChinese(head.slice(0, 20_000))) finish(true);
  return () => finish(false);
}
