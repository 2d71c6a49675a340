/**
 * Finding the article in a page with @mozilla/readability, tuned for Chinese. Readability's
 * defaults are tuned for alphabetic text: a Chinese paragraph of ~80 characters carries as much as
 * an English one of ~300, so the length thresholds are lowered.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';

export const READERABLE_OPTIONS = { minContentLength: 30, minScore: 20 };
const READABILITY_OPTIONS = { charThreshold: 200, keepClasses: false };

export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** The article's HTML as Readability cleaned it (parse it; never insert it as HTML). */
  content: string;
  length: number;
}

/**
 * Runs Readability on a clone of `document` (parse() changes the document it reads). Returns null
 * when the page does not look like an article.
 */
export function findArticle(document: Document): Article | null {
  if (!isProbablyReaderable(document, READERABLE_OPTIONS)) return null;
  const clone = document.cloneNode(true) as Document;
  const parsed = new Readability(clone, READABILITY_OPTIONS).parse();
  if (!parsed || !parsed.content) return null;
  return {
    title: parsed.title ?? '',
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
    content: parsed.content,
    length: parsed.length ?? 0,
  };
}
