/** Readability on a page's serialized HTML, with the browser's own parser (offscreen document). */
import { findArticle, type Article } from '../../utils/page/article';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

export function findArticleInHtml(html: string): Article | null {
  try {
    return findArticle(parse(html), parse);
  } catch {
    return null;
  }
}
