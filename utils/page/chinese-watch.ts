/**
 * Watches a document, and the open shadow roots handed to it, for its first Chinese text, and says
 * so once. Two scripts rely on it:
 * - the first content script (entrypoints/content-loader.ts), which loads the rest of the
 *   extension's page code only once a page shows Chinese, so that a page without any pays for
 *   nothing but this watch;
 * - the content script, which puts its highlight rules in place as soon as a page shows Chinese,
 *   while it is still parsed: any ::highlight() rule makes the browser's style work on every element
 *   several times as long (measured: the first style pass of an 8 MB page grew from 250 ms to 1.35 s
 *   with one rule), so the rules go only to pages with Chinese, and going in during parsing spreads
 *   that cost over the parser's own frames instead of one frame after it.
 *
 * It lasts as long as the page (a page may show Chinese long after it loaded), so it must cost next
 * to nothing where it never fires, and it never touches an element. The first element a script's
 * world handles makes the browser build that world's Element and HTMLElement prototypes: 0.055 MB
 * of heap in every tab, a sixth of what issue 20 allows the extension on a page without Chinese.
 * Text is read through node iterators over text nodes alone:
 * - one iterator per root stays at the last text node read, and reads on from there after each
 *   batch of changes: the text a page adds at its end (while it is parsed, or as it scrolls) is read
 *   at once, in the order it comes;
 * - text added before that point (a script filling an earlier element, a single-page site showing
 *   another article) is found by reading every root again once the page added nodes: a tenth of a
 *   second after a change that ends a quiet second, and at most once a second while changes go on
 *   (measured: 9 ms for a 1.2 MB English page of 40,000 text nodes, so under 1% of the time of a
 *   page that never stops changing);
 * - changed text comes with its text node.
 * Text in scripts and styles counts: telling it apart would mean reading its element. A page whose
 * only Chinese is a script's data wakes the content script, which then finds nothing to highlight.
 */
import { hasChinese } from '../core/fold';

export interface ChineseWatch {
  /** Watches an open shadow root too (the document's observer never sees into one). */
  addRoot(root: ShadowRoot): void;
  /** Stops watching, without saying anything. */
  stop(): void;
}

/** NodeFilter.SHOW_TEXT and Node.TEXT_NODE, written out so as not to build those interface objects. */
const SHOW_TEXT = 4;
const TEXT_NODE = 3;
/** All text is read again this long after nodes were added, so that a burst of changes is read once… */
const SETTLE_MS = 100;
/** … and at most this often while the page keeps changing. */
const REREAD_MS = 1000;
const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

/** True once the iterator has reached a text node with Chinese; it stays at its last node otherwise. */
function readsChinese(iterator: NodeIterator): boolean {
  for (let node = iterator.nextNode(); node; node = iterator.nextNode()) if (hasChinese((node as Text).data)) return true;
  return false;
}

/** Calls `found` once, at the first Chinese text the document (already or later) holds. */
export function watchForChinese(document: Document, found: () => void): ChineseWatch {
  const roots: (Document | ShadowRoot)[] = [];
  // Node iterators, unlike tree walkers, stay in the document when their node is removed.
  const cursors: NodeIterator[] = [];
  let done = false;
  let reread: ReturnType<typeof setTimeout> | undefined;
  let lastRead = Number.NEGATIVE_INFINITY;
  const finish = (chinese: boolean) => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(reread);
    if (chinese) found();
  };
  const readAll = () => {
    reread = undefined;
    lastRead = performance.now();
    if (roots.some((root) => readsChinese(document.createNodeIterator(root, SHOW_TEXT)))) finish(true);
  };
  const observer = new MutationObserver((records) => {
    let added = false;
    for (const record of records) {
      if (record.type !== 'characterData') added = true;
      else if (record.target.nodeType === TEXT_NODE && hasChinese((record.target as Text).data)) return finish(true);
    }
    if (!added) return;
    if (cursors.some(readsChinese)) return finish(true);
    reread ??= setTimeout(readAll, Math.max(SETTLE_MS, lastRead + REREAD_MS - performance.now()));
  });
  const watch = (root: Document | ShadowRoot) => {
    if (done) return;
    roots.push(root);
    observer.observe(root, OBSERVED);
    const cursor = document.createNodeIterator(root, SHOW_TEXT);
    cursors.push(cursor);
    // Whatever is there already: a script started late, a root attached with its content.
    if (readsChinese(cursor)) finish(true);
  };
  watch(document);
  return { addRoot: watch, stop: () => finish(false) };
}
