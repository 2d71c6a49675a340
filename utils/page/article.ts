/**
 * Finding the article in a page with @mozilla/readability, tuned for Chinese. Readability's
 * defaults are tuned for alphabetic text: a Chinese paragraph of ~80 characters carries as much as
 * an English one of ~300, so the length thresholds are lowered.
 *
 * Readability changes the document it parses, so it always gets a copy: the page's serialized HTML
 * parsed afresh (in the extension's offscreen document, never in the page). Every element of the
 * copy is numbered in document order first; the numbers that survive in the article say which
 * elements of the live page hold it.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { Article, ArticleBlock } from '../core/article-model';

const READERABLE_OPTIONS = { minContentLength: 30, minScore: 20 };
const READABILITY_OPTIONS = { charThreshold: 200, keepClasses: false };
const INDEX_ATTRIBUTE = 'data-tifa-index';

/** Readability's result for a copy of a page, or null when the page does not look like an article. */
export function findArticle(copy: Document, parseHtml: (html: string) => Document): Article | null {
  if (!copy.body || !isProbablyReaderable(copy, READERABLE_OPTIONS)) return null;
  const all = copy.body.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) all[i].setAttribute(INDEX_ATTRIBUTE, String(i));
  const parsed = new Readability(copy, READABILITY_OPTIONS).parse();
  if (!parsed?.content) return null;
  const content = parseHtml(`<!doctype html><html><body>${parsed.content}</body></html>`);
  // Only elements that hold text themselves: Readability keeps the container of its best candidate
  // (which in the page may also hold the sidebar and comments it cleaned away), not just the text.
  const elements = [...content.body.querySelectorAll(`[${INDEX_ATTRIBUTE}]`)]
    .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== ''))
    .map((e) => Number(e.getAttribute(INDEX_ATTRIBUTE)));
  const blocks: ArticleBlock[] = [];
  for (const element of content.body.querySelectorAll('h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td')) {
    // A block inside another block is read with it.
    if (element.parentElement?.closest('p,li,blockquote,pre,td')) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const tag = element.tagName.toLowerCase();
    blocks.push({ kind: tag.startsWith('h') ? 'heading' : tag === 'li' ? 'item' : tag === 'blockquote' ? 'quote' : 'paragraph', text });
  }
  return {
    title: parsed.title ?? '',
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
    length: blocks.reduce((n, b) => n + b.text.length, 0),
    elements: [...new Set(elements)],
    blocks,
  };
}
