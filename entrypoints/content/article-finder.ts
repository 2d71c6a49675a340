/**
 * The page's article, found on demand by Readability in the extension (never in the page: the
 * background hands a copy of the page's HTML to the offscreen document) and kept for the page's life.
 * Never asked for on a page without Chinese.
 */
import type { Article } from '@/utils/core/article-model';
import { logOnce } from '@/utils/core/log';
import { sendToBackground } from '@/utils/extension/protocol';
import { pageHasChinese } from '@/utils/page/page-text';

export interface FoundArticle {
  article: Article;
  /** The live page's elements that hold the article's text. */
  elements: Set<Element>;
}

export class ArticleFinder {
  private found: Promise<FoundArticle | null> | undefined;

  constructor(private readonly document: Document) {}

  find(): Promise<FoundArticle | null> {
    this.found ??= this.look();
    return this.found;
  }

  private async look(): Promise<FoundArticle | null> {
    const body = this.document.body;
    if (!body || !pageHasChinese(body)) return null;
    let article: Article | null;
    try {
      ({ article } = await sendToBackground({ type: 'find-article', html: this.document.documentElement.outerHTML }));
    } catch (error) {
      // Without the article the whole page is used: the report says so ("whole page").
      logOnce('finding the article', 'the extension did not answer; the whole page is used', error);
      return null;
    }
    if (!article) return null;
    // Readability numbered the copy's elements in document order; the same numbers name the live ones.
    const all = body.getElementsByTagName('*');
    const elements = new Set<Element>(article.elements.map((i) => all[i]).filter((e): e is Element => e !== undefined));
    return elements.size > 0 ? { article, elements } : null;
  }
}

/** True when `node` lies inside one of `elements` (the article's). */
export function isInside(elements: ReadonlySet<Element>, node: Node): boolean {
  const body = node.ownerDocument?.body;
  for (let n: Node | null = node; n && n !== body; n = n.parentNode) if (elements.has(n as Element)) return true;
  return false;
}
