/** Readability on a page's serialized HTML, with the browser's own parser (offscreen document). */
import type { Article } from '@/utils/core/article-model';
import { logOnce } from '@/utils/core/log';
import { findArticle } from '@/utils/page/article';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

export function findArticleInHtml(html: string): Article | null {
  try {
    return findArticle(parse(html), parse);
  } catch (error) {
    // Readability can throw on pages it does not expect; the whole page is then used instead.
    logOnce('finding the article', 'Readability failed on this page', error);
    return null;
  }
}
